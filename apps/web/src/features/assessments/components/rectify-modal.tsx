import type { LostPoint } from '@chuangcheng/contracts';
import {
  Alert,
  App,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { MapView } from '../../../components/map-view';
import { errorMessage } from '../../../lib/api-client';
import { useConfig } from '../../../lib/config';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useIsMobile } from '../../../lib/responsive';
import { type CreatedCase, useCreateRectificationCase } from '../api/create-rectification-case';
import { useGridsGeojson } from '../api/get-grids-geojson';
import { useFileableCategories } from '../api/list-categories';
import './rectify.css';
import { fmtScore } from './tags';

interface FormValues {
  categoryId?: string;
  lng?: number;
  lat?: number;
  description?: string;
}

/** Somewhere in China when the installation has no configured map centre. */
const FALLBACK_CENTER: [number, number] = [116.397, 39.909];

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const GRID_COLOR = () => '#1f5fbf';

/** A click drops the pin (fills the lng/lat inputs); typed coordinates move it. */
function PinMap({ form }: { form: FormInstance<FormValues> }) {
  const config = useConfig();
  const grids = useGridsGeojson();
  const lng = Form.useWatch('lng', form);
  const lat = Form.useWatch('lat', form);
  const onPick = useCallback(
    (x: number, y: number) => form.setFieldsValue({ lng: round6(x), lat: round6(y) }),
    [form],
  );
  const tile = config.data?.tileUrl
    ? { url: config.data.tileUrl, attribution: config.data.tileAttribution }
    : null;
  return (
    <div className="cc-rectify-map" data-testid="rectify-map">
      <MapView
        features={grids.data?.features}
        colorOf={GRID_COLOR}
        selectedId={null}
        pickMode
        onPick={onPick}
        marker={typeof lng === 'number' && typeof lat === 'number' ? [lng, lat] : null}
        tile={tile}
        center={config.data?.center ?? null}
      />
    </div>
  );
}

function prefill(point: LostPoint): string {
  const lead = point.leadUnitName ? `，牵头单位：${point.leadUnitName}` : '';
  return `【迎检整改】${point.code} ${point.title}：失分 ${fmtScore(point.lost)} 分（满分 ${fmtScore(point.points)}）${lead}。请按标准整改并上传整改照片。`;
}

/**
 * 立案整改: one click from a lost point to a case of the closed loop (category, location, description),
 * then a link to that case.
 */
export function RectifyModal({
  roundId,
  point,
  onClose,
}: {
  roundId: string | undefined;
  point: LostPoint | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FormValues>();
  const config = useConfig();
  const categories = useFileableCategories(Boolean(point));
  const create = useCreateRectificationCase();
  const [created, setCreated] = useState<CreatedCase | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (!point) return;
    const [lng, lat] = config.data?.center ?? FALLBACK_CENTER;
    setCreated(null);
    setFormError(null);
    form.setFieldsValue({
      categoryId: undefined,
      lng: round6(lng),
      lat: round6(lat),
      description: prefill(point),
    });
  }, [point, config.data?.center, form]);

  const options = useMemo(
    () =>
      (categories.data ?? []).map((c) => ({
        value: c.id,
        label: c.name,
        search: `${c.code} ${c.name} ${c.path}`,
        path: c.path,
      })),
    [categories.data],
  );

  const onOk = async () => {
    if (created) {
      onClose();
      return;
    }
    if (!point || !roundId) return;
    const v = await form.validateFields();
    setFormError(null);
    try {
      const result = await create.mutateAsync({
        roundId,
        body: {
          nodeId: point.nodeId,
          categoryId: v.categoryId ?? '',
          lng: v.lng ?? 0,
          lat: v.lat ?? 0,
          description: v.description?.trim() ?? '',
        },
      });
      setCreated(result);
      message.success(`已立案 ${result.number}`);
    } catch (error) {
      if (!applyFieldErrors(form, error, ['categoryId', 'lng', 'lat', 'description']))
        setFormError(errorMessage(error));
    }
  };

  return (
    <Modal
      open={Boolean(point)}
      title="立案整改"
      okText={created ? '完成' : '立案'}
      cancelButtonProps={created ? { style: { display: 'none' } } : undefined}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={create.isPending}
      width={isMobile ? '100%' : 560}
      destroyOnHidden
      data-testid="rectify-modal"
    >
      {point && (
        <Typography.Paragraph type="secondary">
          {point.pathText || `${point.code} ${point.title}`}
        </Typography.Paragraph>
      )}
      {!roundId && <Alert type="warning" showIcon title="尚无测评轮次，不能立案" />}
      {created ? (
        <Alert
          type="success"
          showIcon
          title={
            <span data-testid="rectify-created">
              已立案 <Link to={`/cases/${created.caseId}`}>{created.number}</Link>，按派遣规则派给责任单位。
            </span>
          }
        />
      ) : (
        <Form form={form} layout="vertical" requiredMark>
          <Form.Item
            name="categoryId"
            label="问题分类"
            rules={[{ required: true, message: '请选择问题分类' }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'search' }}
              loading={categories.isLoading}
              options={options}
              optionRender={(o) => (
                <span>
                  {o.data.label} <span className="cc-muted">{o.data.path}</span>
                </span>
              )}
              placeholder="输入名称或编码搜索"
              data-testid="rectify-category"
            />
          </Form.Item>
          <Form.Item label="位置（点击地图或填写经纬度，默认为地图中心）" required>
            <PinMap form={form} />
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="lng" noStyle rules={[{ required: true, message: '请填写经度' }]}>
                <InputNumber min={-180} max={180} step={0.0001} style={{ width: '50%' }} aria-label="经度" />
              </Form.Item>
              <Form.Item name="lat" noStyle rules={[{ required: true, message: '请填写纬度' }]}>
                <InputNumber min={-90} max={90} step={0.0001} style={{ width: '50%' }} aria-label="纬度" />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item
            name="description"
            label="问题描述"
            rules={[{ required: true, whitespace: true, message: '请填写问题描述' }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          {formError && <Alert type="error" showIcon title={formError} />}
        </Form>
      )}
    </Modal>
  );
}
