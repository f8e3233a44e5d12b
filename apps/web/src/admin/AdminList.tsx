import { type ReactNode, useId } from 'react';
import { FormError } from '../ui/FormError';
import s from './Admin.module.css';

/**
 * The pieces the Edition, Speakers and Programme screens share (Admin.module.css): an "add" form, a list
 * table's head with its unnamed actions column, a row's Edit button, a row being edited with its
 * Save/Cancel cell, and a labelled select.
 */

/** An inline "add" form named `label`: its fields, then `save`; emptied once `onSubmit`'s promise resolves. */
export function AddForm({
  label,
  save,
  loading,
  onSubmit,
  children,
}: {
  label: string;
  save: string;
  loading: boolean;
  onSubmit: (fields: FormData) => Promise<unknown>;
  children: ReactNode;
}) {
  return (
    <form
      aria-label={label}
      className={s.inlineForm}
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        void onSubmit(new FormData(form))
          .then(() => form.reset())
          .catch(() => undefined);
      }}
    >
      {children}
      <button type="submit" className={s.primary} disabled={loading}>
        {save}
      </button>
    </form>
  );
}

/** A list table's head: its columns, then the buttons' column (named "Actions" for screen readers only). */
export function ListHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th scope="col" key={c}>
            {c}
          </th>
        ))}
        <th scope="col">
          <span className={s.srOnly}>Actions</span>
        </th>
      </tr>
    </thead>
  );
}

/** A row's Edit button, named "Edit <name>". */
export function EditButton({ name, onEdit }: { name: string; onEdit: () => void }) {
  return (
    <button type="button" className={s.button} aria-label={`Edit ${name}`} onClick={onEdit}>
      Edit
    </button>
  );
}

/** The last cell of a row being edited: Save (submits the row's form `formId`), Cancel, the save's error. */
export function EditorActions({
  formId,
  save,
  loading,
  error,
  done,
}: {
  formId: string;
  save: string;
  loading: boolean;
  error: unknown;
  done: () => void;
}) {
  return (
    <td>
      <button form={formId} type="submit" className={s.primary} disabled={loading}>
        {save}
      </button>{' '}
      <button type="button" className={s.button} onClick={done}>
        Cancel
      </button>
      <FormError error={error} />
    </td>
  );
}

/**
 * A table row being edited: one cell per field (the first also holds the row's form, named `label`, which
 * the fields join by id), then Save/Cancel. `onSubmit`'s promise resolving ends the editing.
 */
export function EditorRow({
  label,
  save,
  loading,
  error,
  onSubmit,
  done,
  cells,
}: {
  label: string;
  save: string;
  loading: boolean;
  error: unknown;
  onSubmit: (fields: FormData) => Promise<unknown>;
  done: () => void;
  cells: (formId: string) => [ReactNode, ...ReactNode[]];
}) {
  const formId = useId();
  const [first, ...rest] = cells(formId);
  return (
    <tr>
      <td>
        <form
          id={formId}
          aria-label={label}
          onSubmit={(event) => {
            event.preventDefault();
            void onSubmit(new FormData(event.currentTarget))
              .then(done)
              .catch(() => undefined);
          }}
        />
        {first}
      </td>
      {rest.map((cell, i) => (
        <td key={i}>{cell}</td>
      ))}
      <EditorActions formId={formId} save={save} loading={loading} error={error} done={done} />
    </tr>
  );
}

/** A labelled select of named things, with an optional first "none" choice (value ''). */
export function SelectField({
  label,
  value,
  onChange,
  none,
  options,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  none?: string;
  options: readonly { id: string; name: string }[];
}) {
  return (
    <label className={s.field}>
      {label}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {none !== undefined && <option value="">{none}</option>}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
