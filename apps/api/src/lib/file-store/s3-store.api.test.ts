import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import S3rver from '@20minutes/s3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app';
import { createPlan, createTenant, signIn } from '../../../test/factories';
import { rootDb } from '../db';
import { getPrisma } from '../prisma';
import { configureFileStore, type FileStore } from './file-store';
import { parseS3Url } from './s3-store';

/**
 * The S3 store against a real S3-compatible server run in this process: @20minutes/s3rver (a maintained
 * fork of s3rver, Node ≥ 20) speaks the S3 REST protocol over HTTP, checks AWS Signature V4 and keeps
 * objects on disk. It is not MinIO or AWS: behaviour beyond PutObject/GetObject/DeleteObject (multipart
 * uploads, lifecycle rules, versioning) is not exercised here (ADR 015).
 */
const csrf = { 'x-prongsai-csrf': '1' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-s3rver-'));
const spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-s3-spool-'));
let server: S3rver;
let store: FileStore;
let bucketDir: string;

beforeAll(async () => {
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: 'evidence' }] });
  const address = (await server.run()) as AddressInfo;
  store = configureFileStore({ s3: { url: `http://S3RVER:S3RVER@127.0.0.1:${address.port}/evidence/files` }, spoolDir });
  bucketDir = path.join(directory, 'evidence');
});

afterAll(async () => {
  configureFileStore({});
  await server.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

describe('the S3 file store', () => {
  it('when S3_URL is read, then the endpoint, bucket, prefix and credentials come out of it, and a URL without them is refused', () => {
    expect(parseS3Url('https://AK%2B1:s%40cret@minio:9000/bucket/a/b')).toEqual({
      endpoint: 'https://minio:9000',
      bucket: 'bucket',
      prefix: 'a/b/',
      accessKeyId: 'AK+1',
      secretAccessKey: 's@cret',
    });
    expect(() => parseS3Url('http://minio:9000/bucket')).toThrow(/access key/);
    expect(() => parseS3Url('http://k:s@minio:9000/')).toThrow(/bucket/);
  });

  it('when an editor uploads a file with S3_URL set, then the bytes are an object in the bucket (not in PostgreSQL) and download back the same', async () => {
    // Arrange
    const app = testApp();
    const tenant = await createTenant(53);
    const plan = await createPlan(tenant.agency.id, 2567, 'draft', 1);
    const agent = await signIn(app, tenant.editor);

    // Act
    const uploaded = await agent.post(`/api/v1/measures/${plan.measures[0]!.id}/files`).set(csrf).attach('file', PDF, 'คำสั่ง.pdf');
    const download = await agent
      .get(uploaded.body.url)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

    // Assert
    expect(uploaded.status).toBe(201);
    const row = await getPrisma().evidenceFile.findUniqueOrThrow({ where: { id: uploaded.body.id } });
    expect(row.storage).toBe('s3');
    expect(await getPrisma().storedFileChunk.count({ where: { key: row.storageKey } })).toBe(0);
    expect(fs.existsSync(path.join(bucketDir, 'files', `${row.storageKey}._S3rver_object`))).toBe(true);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent('คำสั่ง.pdf')}`,
    );
  });

  it('when an object is discarded (its record never committed), then it is gone from the bucket', async () => {
    const file = path.join(spoolDir, 'x.pdf');
    fs.writeFileSync(file, PDF);
    const key = '00000000-0000-4000-8000-0000000000aa';
    await store.put(rootDb(), key, { path: file, size: PDF.length }, 'application/pdf');
    expect(fs.existsSync(path.join(bucketDir, 'files', `${key}._S3rver_object`))).toBe(true);
    await store.discard(key);
    expect(fs.existsSync(path.join(bucketDir, 'files', `${key}._S3rver_object`))).toBe(false);
    await expect(store.get(rootDb(), key)).rejects.toThrow();
  });
});
