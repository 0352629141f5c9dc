import { z } from 'zod';
import { UuidSchema } from './common';

/**
 * The kinds of file a measure's evidence may be (ADR 015): decided by the server from the file's
 * bytes, never from its name or the browser's claim. The web reads this list only to tell people
 * what they may upload (the `accept` of its picker).
 */
export const EVIDENCE_FILE_TYPES = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type EvidenceFileExtension = keyof typeof EVIDENCE_FILE_TYPES;
export const EVIDENCE_FILE_ACCEPT = Object.keys(EVIDENCE_FILE_TYPES)
  .map((extension) => `.${extension}`)
  .concat('.jpeg')
  .join(',');

/** The default largest file (FILE_MAX_MB on the server); the web checks it before sending. */
export const DEFAULT_EVIDENCE_FILE_MAX_MB = 20;

export const EvidenceFileSchema = z.object({
  id: UuidSchema,
  measureId: UuidSchema,
  name: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  isInternal: z.boolean(),
  hasPreview: z.boolean(),
  /** The file's address (an attachment), relative to the site: `/api/v1/files/{id}/content`. */
  url: z.string(),
  /** A small image (WebP) of a photo, or null. */
  previewUrl: z.string().nullable(),
  createdAt: z.string(),
});
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;

export const EvidenceFileListSchema = z.object({ items: z.array(EvidenceFileSchema) });
export type EvidenceFileList = z.infer<typeof EvidenceFileListSchema>;

export const EvidenceFileParamsSchema = z.object({ fileId: UuidSchema });

/** The form fields that travel with an upload (multipart/form-data, before the file part). */
export const UploadEvidenceFileFieldsSchema = z.object({
  /** "true": keep the file from the public even when the plan is published. */
  internal: z.enum(['true', 'false']).default('false'),
});

export const UpdateEvidenceFileInputSchema = z.object({ isInternal: z.boolean() });
export type UpdateEvidenceFileInput = z.infer<typeof UpdateEvidenceFileInputSchema>;

/** The address of a file and of its preview (the permalink the exported report cites). */
export const evidenceFilePath = (fileId: string): string => `/api/v1/files/${fileId}/content`;
export const evidenceFilePreviewPath = (fileId: string): string => `/api/v1/files/${fileId}/preview`;
