import fs from 'node:fs';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { FileStore } from './file-store';

export interface S3Settings {
  /** `http(s)://ACCESS_KEY:SECRET@host[:port]/bucket[/prefix]` (S3_URL). */
  url: string;
  region?: string;
}

/** The parts of S3_URL: the endpoint, the bucket, an optional key prefix and the credentials. */
export function parseS3Url(value: string): {
  endpoint: string;
  bucket: string;
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
} {
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('S3_URL must start with http:// or https://');
  const [bucket, ...prefix] = url.pathname.split('/').filter(Boolean);
  if (!bucket) throw new Error('S3_URL must name a bucket: http(s)://KEY:SECRET@host/bucket');
  if (!url.username || !url.password) throw new Error('S3_URL must carry the access key and secret: http(s)://KEY:SECRET@host/bucket');
  return {
    endpoint: `${url.protocol}//${url.host}`,
    bucket,
    prefix: prefix.length > 0 ? `${prefix.join('/')}/` : '',
    accessKeyId: decodeURIComponent(url.username),
    secretAccessKey: decodeURIComponent(url.password),
  };
}

/**
 * S3-compatible object storage (ADR 015), through the maintained AWS SDK: MinIO, Ceph, AWS S3 and the
 * like. An object is written (PutObject, streamed from the spooled file with its length) before the
 * transaction that records it commits; if that transaction fails the object is deleted again.
 */
export function s3FileStore(settings: S3Settings): FileStore {
  const target = parseS3Url(settings.url);
  const client = new S3Client({
    endpoint: target.endpoint,
    region: settings.region ?? 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey },
    // Checksums the SDK would add by default need the whole body or trailers some S3-compatible servers refuse.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const objectKey = (key: string) => `${target.prefix}${key}`;
  return {
    kind: 's3',
    async put(_db, key, file, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: target.bucket,
          Key: objectKey(key),
          Body: fs.createReadStream(file.path),
          ContentLength: file.size,
          ContentType: contentType,
        }),
      );
    },
    async get(_db, key) {
      const answer = await client.send(new GetObjectCommand({ Bucket: target.bucket, Key: objectKey(key) }));
      if (!(answer.Body instanceof Readable)) throw new Error('the S3 answer has no body stream');
      return answer.Body;
    },
    async discard(key) {
      await client.send(new DeleteObjectCommand({ Bucket: target.bucket, Key: objectKey(key) })).catch(() => undefined);
    },
  };
}
