import { TIME_UNIT_LABELS, TIME_UNITS, type TimeLimit, type TimeUnit } from '@chuangcheng/contracts';
import { InputNumber, Select, Space } from 'antd';
import { useI18n } from '../../../lib/i18n';

export type TimeLimitValue = Partial<TimeLimit> | null | undefined;

/** A time limit as a form control: value + unit (紧急工作时 / 工作时 / 工作日 / 自然日). */
export function TimeLimitInput({
  value,
  onChange,
  id,
  placeholder,
}: {
  value?: TimeLimitValue;
  onChange?: (value: TimeLimitValue) => void;
  id?: string;
  placeholder?: string;
}) {
  const { l } = useI18n();
  const unit = value?.unit ?? 'work_days';
  // The unit is kept when the number is emptied; an emptied number means "no limit" (see toTimeLimit).
  const emit = (next: Partial<TimeLimit>) => onChange?.({ unit, ...value, ...next });
  return (
    <Space.Compact style={{ width: '100%' }}>
      <InputNumber<number>
        id={id}
        min={0.5}
        max={10000}
        step={1}
        value={value?.value ?? null}
        placeholder={placeholder}
        onChange={(v) => emit({ value: v ?? undefined })}
        style={{ width: '45%' }}
      />
      <Select<TimeUnit>
        value={unit}
        onChange={(u) => emit({ unit: u })}
        options={TIME_UNITS.map((u) => ({ value: u, label: l(TIME_UNIT_LABELS[u]) }))}
        style={{ width: '55%' }}
      />
    </Space.Compact>
  );
}

/** Form rule of a required limit: a number and a unit. */
export function requiredTimeLimit(message: string) {
  return (_: unknown, value: TimeLimitValue) =>
    value?.value && value.unit ? Promise.resolve() : Promise.reject(new Error(message));
}

/** The form value as the API wants it (undefined when not set). */
export function toTimeLimit(value: TimeLimitValue): TimeLimit | undefined {
  return value?.value && value.unit ? { value: value.value, unit: value.unit } : undefined;
}
