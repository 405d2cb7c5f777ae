import { PlusOutlined } from '@ant-design/icons';
import type { Photo } from '@chuangcheng/contracts';
import { App, Upload, type UploadFile, type UploadProps } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { type PhotoKind, uploadPhoto } from '../api/upload-photo';

const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_PHOTOS = 9;

interface PhotoUploaderProps {
  kind: PhotoKind;
  /** Ids of the photos uploaded so far (a form field's value). */
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** True while a file is still going up: the form should not be submitted yet. */
  onBusyChange?: (busy: boolean) => void;
  id?: string;
}

/**
 * Photos go up one by one as they are picked (POST /api/photos, with progress); the form only carries
 * their ids. On a phone the picker offers the camera.
 */
export function PhotoUploader({ kind, onChange, onBusyChange, id }: PhotoUploaderProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile<Photo>[]>([]);

  const customRequest: UploadProps<Photo>['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    const controller = new AbortController();
    uploadPhoto(file as Blob, kind, {
      signal: controller.signal,
      onProgress: (percent) => onProgress?.({ percent }),
    })
      .then((photo) => onSuccess?.(photo))
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        const text = errorMessage(error, locale);
        message.error(text);
        onError?.(new Error(text));
      });
    return { abort: () => controller.abort() };
  };

  const beforeUpload: UploadProps<Photo>['beforeUpload'] = (file) => {
    if (ACCEPTED.includes(file.type)) return true;
    message.error(t('cases.photo.badType'));
    return Upload.LIST_IGNORE;
  };

  const onListChange: UploadProps<Photo>['onChange'] = ({ fileList }) => {
    setFiles(fileList);
    onChange?.(fileList.flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : [])));
    onBusyChange?.(fileList.some((f) => f.status === 'uploading'));
  };

  return (
    <Upload<Photo>
      id={id}
      listType="picture-card"
      accept={ACCEPTED.join(',')}
      multiple
      fileList={files}
      maxCount={MAX_PHOTOS}
      customRequest={customRequest}
      beforeUpload={beforeUpload}
      onChange={onListChange}
      showUploadList={{ showPreviewIcon: false }}
      data-testid={`photo-uploader-${kind}`}
    >
      {files.length < MAX_PHOTOS && (
        <button type="button" className="cc-upload-button">
          <PlusOutlined />
          <div>{t('cases.photo.add')}</div>
        </button>
      )}
    </Upload>
  );
}
