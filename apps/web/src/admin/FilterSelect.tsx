import s from './AdminTables.module.css';

/**
 * A labelled select of the Attendees and Badges screens (AdminTables.module.css): "All" (value ''), then
 * one choice per entry of `labels`, in its order.
 */
export function FilterSelect<V extends string>({
  label,
  value,
  onChange,
  labels,
}: {
  label: string;
  value: V | '';
  onChange: (value: V | '') => void;
  labels: Partial<Record<V, string>>;
}) {
  return (
    <label className={s.field}>
      {label}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as V | '')}>
        <option value="">All</option>
        {Object.entries<string | undefined>(labels).map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
