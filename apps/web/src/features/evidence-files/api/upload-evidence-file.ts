import { EvidenceFileSchema, type EvidenceFile } from '@prongsai/shared';
import { ApiError, buildUrl, toApiError } from '@/lib/api-client';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Send one file to a measure as multipart/form-data with XMLHttpRequest, whose upload events report
 * progress (fetch cannot, for a request body, in every browser). The server decides the type from the
 * bytes; its refusal arrives as the usual ApiError.
 */
export function uploadEvidenceFile(
  measureId: string,
  file: File,
  options: { isInternal: boolean; onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal },
): Promise<EvidenceFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(`/measures/${encodeURIComponent(measureId)}/files`));
    xhr.setRequestHeader('x-prongsai-csrf', '1');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      const response = new Response(xhr.responseText || null, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
      });
      if (xhr.status === 201) {
        const parsed = EvidenceFileSchema.safeParse(JSON.parse(xhr.responseText));
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError({ status: xhr.status, code: 'INVALID_RESPONSE', message: 'invalid response' }));
        return;
      }
      void toApiError(response).then(reject);
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'network error' }));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    // The small fields go before the file: the server reads them first, then streams the file.
    form.append('internal', options.isInternal ? 'true' : 'false');
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
