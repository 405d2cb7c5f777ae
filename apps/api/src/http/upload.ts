import type { Context } from 'hono';
import { AppError } from '../platform/app-error';
import type { AppEnv } from './env';

/** An uploaded file as the services take it: the client's name and the bytes. */
export interface UploadedFile {
  name: string;
  data: Uint8Array;
}

const invalid = (message: string) =>
  new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', message }] }, message);

/**
 * A multipart body: its required `file` and its other text fields (empty ones left out), or a readable
 * 400 naming the `file` field. The body size is limited before this by the app's upload limit.
 */
export async function readUploadForm(
  c: Context<AppEnv>,
): Promise<{ file: UploadedFile; fields: Record<string, string> }> {
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    throw invalid('请以 multipart/form-data 方式上传文件（字段名 file）');
  }
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) throw invalid('请选择要上传的文件（字段名 file）');
  const fields: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (k !== 'file' && typeof v === 'string' && v !== '') fields[k] = v;
  return { file: { name: file.name, data: new Uint8Array(await file.arrayBuffer()) }, fields };
}

/** Only the file of a multipart body. */
export async function readUpload(c: Context<AppEnv>): Promise<UploadedFile> {
  return (await readUploadForm(c)).file;
}
