import { useMutation, useQuery } from '@apollo/client/react';
import { useDeferredValue, useId, useState } from 'react';
import { Link } from 'react-router';
import { formText } from '../app/form-text';
import { graphql } from '../gql';
import type { AdminSpeakersQuery } from '../gql/graphql';
import { FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import s from './Admin.module.css';
import { AddForm, EditButton, ListHead } from './AdminList';
import { useAdmin } from './admin-context';

/** `/admin/programme/speakers`: the edition's speakers, searchable by name or company; add and edit them. */
const AdminSpeakers = graphql(`
  query AdminSpeakers($editionId: ID!, $search: String, $after: String) {
    speakers(editionId: $editionId, search: $search, first: 50, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          name
          company
          jobTitle
          bio
          sessions {
            id
            title
          }
        }
      }
    }
  }
`);

const CreateSpeaker = graphql(`
  mutation AdminCreateSpeaker($editionId: ID!, $input: SpeakerInput!) {
    createSpeaker(editionId: $editionId, input: $input) {
      id
      name
    }
  }
`);

const UpdateSpeaker = graphql(`
  mutation AdminUpdateSpeaker($id: ID!, $input: SpeakerInput!) {
    updateSpeaker(id: $id, input: $input) {
      id
      name
      company
      jobTitle
      bio
    }
  }
`);

type Speaker = AdminSpeakersQuery['speakers']['edges'][number]['node'];

const speakerInput = (f: FormData) => ({
  name: formText(f, 'name').trim(),
  company: formText(f, 'company').trim(),
  jobTitle: formText(f, 'jobTitle').trim(),
  bio: formText(f, 'bio').trim(),
});

export function Component() {
  const { edition, keep } = useAdmin();
  useDocumentTitle(`Speakers · ${edition.name}`);
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const { data, error, fetchMore, loading } = useQuery(AdminSpeakers, {
    variables: { editionId: edition.id, search: deferred || null },
  });
  const [create, created] = useMutation(CreateSpeaker, { refetchQueries: ['AdminSpeakers', 'AdminSpeakerChoices'] });
  const [editing, setEditing] = useState<string | null>(null);
  const heading = useId();
  const speakers = data?.speakers.edges.map((e) => e.node) ?? [];

  return (
    <>
      <p>
        <Link to={keep('/admin/programme')}>Back to the programme</Link>
      </p>
      <h1>Speakers</h1>
      <AddForm
        label="Add a speaker"
        save="Add speaker"
        loading={created.loading}
        onSubmit={(f) => {
          const email = formText(f, 'email').trim();
          return create({
            variables: { editionId: edition.id, input: { ...speakerInput(f), ...(email ? { email } : {}) } },
          });
        }}
      >
        <SpeakerFields />
        <label className={s.field}>
          Email
          <input name="email" type="email" autoComplete="off" />
        </label>
      </AddForm>
      <FormError error={created.error ?? error} />
      <section className={s.section} aria-labelledby={heading}>
        <h2 id={heading}>All speakers{data ? ` (${data.speakers.totalCount})` : ''}</h2>
        <label className={s.field} style={{ maxWidth: '24rem' }}>
          Search speakers
          <input type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        </label>
        <table className={s.table} aria-label="Speakers">
          <ListHead columns={['Name', 'Company', 'Job title', 'Sessions']} />
          <tbody>
            {speakers.map((p) =>
              editing === p.id ? (
                <SpeakerEditor key={p.id} speaker={p} done={() => setEditing(null)} />
              ) : (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{p.company}</td>
                  <td>{p.jobTitle}</td>
                  <td>{p.sessions.map((x) => x.title).join(', ')}</td>
                  <td>
                    <EditButton name={p.name} onEdit={() => setEditing(p.id)} />
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
        {data && speakers.length === 0 && <p className={s.muted}>No speakers found.</p>}
        {data?.speakers.pageInfo.hasNextPage && (
          <button
            type="button"
            className={s.button}
            disabled={loading}
            onClick={() =>
              void fetchMore({
                variables: { after: data.speakers.pageInfo.endCursor },
                updateQuery: (prev, { fetchMoreResult }) => ({
                  speakers: {
                    ...fetchMoreResult.speakers,
                    edges: [...prev.speakers.edges, ...fetchMoreResult.speakers.edges],
                  },
                }),
              })
            }
          >
            Show more
          </button>
        )}
      </section>
    </>
  );
}

function SpeakerFields({ speaker, form }: { speaker?: Speaker; form?: string }) {
  return (
    <>
      <label className={s.field}>
        Name
        <input form={form} name="name" required maxLength={200} defaultValue={speaker?.name} />
      </label>
      <label className={s.field}>
        Company
        <input form={form} name="company" defaultValue={speaker?.company ?? ''} />
      </label>
      <label className={s.field}>
        Job title
        <input form={form} name="jobTitle" defaultValue={speaker?.jobTitle ?? ''} />
      </label>
      <label className={s.field}>
        Bio
        <textarea form={form} name="bio" rows={2} defaultValue={speaker?.bio ?? ''} />
      </label>
    </>
  );
}

function SpeakerEditor({ speaker, done }: { speaker: Speaker; done: () => void }) {
  const [update, { loading, error }] = useMutation(UpdateSpeaker);
  const formId = useId();
  return (
    <tr>
      <td colSpan={5}>
        <form
          id={formId}
          aria-label={`Edit speaker ${speaker.name}`}
          className={s.inlineForm}
          onSubmit={(event) => {
            event.preventDefault();
            void update({ variables: { id: speaker.id, input: speakerInput(new FormData(event.currentTarget)) } })
              .then(done)
              .catch(() => undefined);
          }}
        >
          <SpeakerFields speaker={speaker} />
          <button type="submit" className={s.primary} disabled={loading}>
            Save speaker
          </button>
          <button type="button" className={s.button} onClick={done}>
            Cancel
          </button>
        </form>
        <FormError error={error} />
      </td>
    </tr>
  );
}
