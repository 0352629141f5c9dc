import { describe, expect, it } from 'vitest';
import { ErrorResponseSchema } from '@prongsai/shared';
import { testApp } from '../../../test/app';
import { createTenant, signIn } from '../../../test/factories';
import { buildPaddedDocx } from '../../../test/zip-files';

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };
const MB = 1024 * 1024;

async function editorAgent() {
  const { agency, editor } = await createTenant();
  return { agency, agent: await signIn(app, editor) };
}

describe('import preview: .docx zip bombs', () => {
  it('when a .docx that inflates to 100 MB is previewed, then 422 ARCHIVE_LIMIT_EXCEEDED names the 50 MB limit', async () => {
    const { agency, agent } = await editorAgent();
    const bomb = await buildPaddedDocx(100 * MB);

    const response = await agent
      .post(`/api/v1/agencies/${agency.id}/imports/preview`)
      .set(csrf)
      .send({ format: 'docx', content: bomb.toString('base64') });

    expect(response.status).toBe(422);
    const { error } = ErrorResponseSchema.parse(response.body);
    expect(error.code).toBe('ARCHIVE_LIMIT_EXCEEDED');
    expect(error.message).toContain('50 MB');
  });

  it('when a .docx whose headers lie about its size is previewed, then 422 as well', async () => {
    const { agency, agent } = await editorAgent();
    const liar = await buildPaddedDocx(60 * MB, { lie: true });

    const response = await agent
      .post(`/api/v1/agencies/${agency.id}/imports/preview`)
      .set(csrf)
      .send({ format: 'docx', content: liar.toString('base64') });

    expect(response.status).toBe(422);
    expect(response.body.error.issues[0].code).toBe('inflated_too_large');
  });
});
