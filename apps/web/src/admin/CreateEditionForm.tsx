import { useApolloClient, useMutation } from '@apollo/client/react';
import { useId } from 'react';
import { useNavigate } from 'react-router';
import { refreshAnswers } from '../app/answer-store';
import { formText } from '../app/form-text';
import { graphql } from '../gql';
import { FormError } from '../ui/FormError';
import s from './Admin.module.css';

/** What the back office shows of an edition: the edition screen's query, and each create or update answer. */
graphql(`
  fragment AdminEditionFields on Edition {
    id
    name
    year
    startsOn
    endsOn
    timezone
    venue
  }
`);

const CreateEdition = graphql(`
  mutation AdminCreateEdition($input: EditionInput!) {
    createEdition(input: $input) {
      ...AdminEditionFields
    }
  }
`);

/** The IANA zones the browser knows, for the timezone field's suggestions. */
export const TIMEZONES: readonly string[] = (() => {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC', 'Europe/Berlin', 'America/Chicago', 'America/New_York'];
})();

/** The fields of an edition (name, year, timezone, first and last day, venue), shared by the create and edit forms. */
export function EditionFields({
  values,
}: {
  values?: { name: string; year: number; timezone: string; startsOn: string; endsOn: string; venue?: string | null };
}) {
  const zones = useId();
  return (
    <>
      <label className={s.field}>
        Name
        <input name="name" required maxLength={200} defaultValue={values?.name} />
      </label>
      <label className={s.field}>
        Year
        <input name="year" type="number" required min={2000} max={2100} defaultValue={values?.year} />
      </label>
      <label className={s.field}>
        Timezone
        <input name="timezone" required list={zones} defaultValue={values?.timezone} placeholder="Europe/Berlin" />
      </label>
      <datalist id={zones}>
        {TIMEZONES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <label className={s.field}>
        First day
        <input name="startsOn" type="date" required defaultValue={values?.startsOn} />
      </label>
      <label className={s.field}>
        Last day
        <input name="endsOn" type="date" required defaultValue={values?.endsOn} />
      </label>
      <label className={s.field}>
        Venue
        <input name="venue" maxLength={200} defaultValue={values?.venue ?? ''} placeholder="Venue, city" />
      </label>
    </>
  );
}

export function editionInput(form: FormData) {
  return {
    name: formText(form, 'name').trim(),
    year: Number(formText(form, 'year')),
    timezone: formText(form, 'timezone').trim(),
    startsOn: formText(form, 'startsOn'),
    endsOn: formText(form, 'endsOn'),
    // Empty: none (on an edit, it clears the venue).
    venue: formText(form, 'venue').trim(),
  };
}

/** Creates an edition (platform organizers) and opens its Edition screen. */
export function CreateEditionForm() {
  const heading = useId();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [create, { loading, error }] = useMutation(CreateEdition);
  return (
    <form
      aria-labelledby={heading}
      className={s.inlineForm}
      onSubmit={(event) => {
        event.preventDefault();
        const input = editionInput(new FormData(event.currentTarget));
        void create({ variables: { input } })
          .then(async ({ data }) => {
            // The edition list is in the answer store: asked for again before the new edition is opened.
            await refreshAnswers(client, ['EditionChoice']);
            if (data) void navigate(`/admin/edition?edition=${data.createEdition.id}`);
          })
          .catch(() => undefined);
      }}
    >
      <h2 id={heading} style={{ flexBasis: '100%', margin: 0 }}>
        Create an edition
      </h2>
      <EditionFields />
      <button type="submit" className={s.primary} disabled={loading}>
        Create edition
      </button>
      <div style={{ flexBasis: '100%' }}>
        <FormError error={error} />
      </div>
    </form>
  );
}
