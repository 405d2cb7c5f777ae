/** RFC 5987 ext-value: encodeURIComponent leaves ' ( ) * unescaped, which attr-char does not allow. */
const rfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF = 'application/pdf';

export interface DownloadFile {
  data: Uint8Array;
  fileName: string;
  asciiName: string;
}

/** A download: ASCII filename for old clients, the Chinese one as filename*=UTF-8''… for the rest. */
/** Content-Disposition for an attachment: ASCII filename for old clients, UTF-8 filename* for the rest. */
export function contentDisposition(fileName: string, asciiName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

export function downloadResponse(file: DownloadFile, contentType = XLSX): Response {
  return new Response(file.data, {
    headers: {
      'content-type': contentType,
      'content-disposition': contentDisposition(file.fileName, file.asciiName),
      'cache-control': 'no-store',
    },
  });
}
