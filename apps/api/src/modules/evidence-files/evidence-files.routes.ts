import { Router } from 'express';
import {
  EVIDENCE_FILE_TYPES,
  EvidenceFileListSchema,
  EvidenceFileParamsSchema,
  EvidenceFileSchema,
  MeasureParamsSchema,
  UpdateEvidenceFileInputSchema,
  UploadEvidenceFileFieldsSchema,
} from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import { readMultipartFile } from '../../http/multipart';
import { sendFile } from '../../http/send-file';
import {
  assertCanUpload,
  deleteEvidenceFile,
  downloadEvidenceFile,
  listEvidenceFiles,
  previewEvidenceFile,
  setEvidenceFileInternal,
  uploadLimitBytes,
  uploadEvidenceFile,
} from './evidence-files.service';

export const evidenceFilesRouter = Router();
const tag = 'evidence-files';

defineRoute(
  evidenceFilesRouter,
  {
    method: 'post',
    path: '/measures/:measureId/files',
    summary: 'Upload one evidence file (PDF, JPEG, PNG, WebP, DOCX, XLSX) to a measure of a plan being edited',
    description:
      'multipart/form-data: the optional field `internal` ("true" keeps the file from the public), then the part `file`. ' +
      'The type is decided from the bytes; anything else is 415. Larger than FILE_MAX_MB (20 MB by default) or past the ' +
      "agency's quota is 413, and nothing is kept.",
    tag,
    params: MeasureParamsSchema,
    upload: { fields: UploadEvidenceFileFieldsSchema },
    response: EvidenceFileSchema,
    status: 201,
  },
  async ({ actor, params, req, res }) => {
    // Who may write here is decided before a byte of the body is read.
    await assertCanUpload(actor, params.measureId).catch((error: unknown) => {
      res.setHeader('Connection', 'close');
      throw error;
    });
    const upload = await readMultipartFile(req, res, uploadLimitBytes(), UploadEvidenceFileFieldsSchema);
    return uploadEvidenceFile(actor, params.measureId, {
      fileName: upload.fileName,
      stream: upload.stream,
      isInternal: upload.fields.internal === 'true',
    }).catch((error: unknown) => {
      res.setHeader('Connection', 'close');
      req.unpipe();
      throw error;
    });
  },
);

defineRoute(
  evidenceFilesRouter,
  {
    method: 'get',
    path: '/measures/:measureId/files',
    summary: "A measure's evidence files",
    tag,
    params: MeasureParamsSchema,
    response: EvidenceFileListSchema,
  },
  async ({ actor, params }) => ({ items: await listEvidenceFiles(actor, params.measureId) }),
);

defineRoute(
  evidenceFilesRouter,
  {
    method: 'get',
    path: '/files/:fileId/content',
    summary: 'Download an evidence file (an attachment); files of a published plan that are not internal are public',
    tag,
    params: EvidenceFileParamsSchema,
    produces: Object.values(EVIDENCE_FILE_TYPES),
    anonymous: true,
  },
  async ({ actor, params, res }) => sendFile(res, await downloadEvidenceFile(actor, params.fileId)),
);

defineRoute(
  evidenceFilesRouter,
  {
    method: 'get',
    path: '/files/:fileId/preview',
    summary: 'A small WebP preview of an image evidence file',
    tag,
    params: EvidenceFileParamsSchema,
    produces: 'image/webp',
    anonymous: true,
  },
  async ({ actor, params, res }) => sendFile(res, await previewEvidenceFile(actor, params.fileId)),
);

defineRoute(
  evidenceFilesRouter,
  {
    method: 'patch',
    path: '/files/:fileId',
    summary: 'Mark an evidence file internal (kept from the public) or public',
    tag,
    params: EvidenceFileParamsSchema,
    body: UpdateEvidenceFileInputSchema,
    response: EvidenceFileSchema,
  },
  async ({ actor, params, body }) => setEvidenceFileInternal(actor, params.fileId, body.isInternal),
);

defineRoute(
  evidenceFilesRouter,
  {
    method: 'delete',
    path: '/files/:fileId',
    summary: 'Delete an evidence file (audited; its bytes are kept)',
    tag,
    params: EvidenceFileParamsSchema,
    status: 204,
  },
  async ({ actor, params }) => deleteEvidenceFile(actor, params.fileId),
);
