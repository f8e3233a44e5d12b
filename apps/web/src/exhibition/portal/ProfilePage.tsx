import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useToken } from '../../app/auth';
import { graphql } from '../../gql';
import { FormError } from '../../ui/FormError';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ExhibitorCard } from '../ExhibitorCard';
import { uploadLogo } from './logo-upload';
import s from './Portal.module.css';
import { usePortal } from './portal-context';

const PortalProfile = graphql(`
  query PortalProfile($id: ID!) {
    exhibitor(id: $id) {
      id
      name
      description
      category
      website
      contactEmail
      contactPhone
      sponsorshipTier
      leadExportAdminsOnly
      leadTags
      logoUrl
      booths {
        id
        code
        hall {
          id
          name
        }
      }
    }
  }
`);

const UpdateExhibitorProfile = graphql(`
  mutation UpdateExhibitorProfile($id: ID!, $input: ExhibitorInput!) {
    updateExhibitor(id: $id, input: $input) {
      id
      name
      description
      category
      website
      contactEmail
      contactPhone
      sponsorshipTier
      leadExportAdminsOnly
    }
  }
`);

const SetLeadTags = graphql(`
  mutation SetLeadTags($exhibitorId: ID!, $tags: [String!]!) {
    setLeadTags(exhibitorId: $exhibitorId, tags: $tags) {
      id
      leadTags
    }
  }
`);

interface Draft {
  name: string;
  description: string;
  category: string;
  website: string;
  contactEmail: string;
  contactPhone: string;
  leadExportAdminsOnly: boolean;
}

const FIELDS: { key: Exclude<keyof Draft, 'leadExportAdminsOnly'>; label: string; type?: string; hint?: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'category', label: 'Category', hint: 'The directory’s filter, e.g. Imaging' },
  { key: 'website', label: 'Website', type: 'url' },
  { key: 'contactEmail', label: 'Contact email', type: 'email' },
  { key: 'contactPhone', label: 'Contact phone', type: 'tel' },
];

const orNull = (v: string) => (v.trim() ? v.trim() : null);

/** The portal's Profile (/exhibitor): the directory entry, the logo and the lead tags; a preview as attendees see it. */
export function Component() {
  const portal = usePortal();
  useDocumentTitle(`Profile · ${portal.exhibitorName}`);
  return <Profile key={portal.exhibitorId} />;
}

function Profile() {
  const portal = usePortal();
  const { data, error, loading } = useQuery(PortalProfile, { variables: { id: portal.exhibitorId } });
  const x = data?.exhibitor;
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    if (x && !draft)
      setDraft({
        name: x.name,
        description: x.description ?? '',
        category: x.category ?? '',
        website: x.website ?? '',
        contactEmail: x.contactEmail ?? '',
        contactPhone: x.contactPhone ?? '',
        leadExportAdminsOnly: x.leadExportAdminsOnly,
      });
  }, [x, draft]);

  if (!x || !draft) {
    return (
      <div className="page">
        <h1>Profile</h1>
        {loading ? <p role="status">Loading…</p> : <FormError error={error} />}
      </div>
    );
  }

  const preview = {
    ...x,
    name: draft.name.trim() || x.name,
    description: orNull(draft.description),
    category: orNull(draft.category),
  };
  return (
    <div className="page">
      <h1>Profile</h1>
      <div className={s.columns}>
        <div>
          {portal.canManage ? (
            <ProfileForm
              exhibitorId={x.id}
              sponsorshipTier={x.sponsorshipTier ?? null}
              draft={draft}
              onChange={setDraft}
            />
          ) : (
            <ProfileFacts draft={draft} />
          )}
          <LogoField exhibitorId={x.id} name={x.name} logoUrl={x.logoUrl ?? null} canManage={portal.canManage} />
          <LeadTags exhibitorId={x.id} tags={x.leadTags} canManage={portal.canManage} />
        </div>
        <section aria-labelledby="preview-heading" className={s.preview}>
          <h2 id="preview-heading">Preview</h2>
          <p className={s.muted}>
            How attendees see {preview.name} in the exhibitor directory
            {portal.canManage ? ', with your unsaved edits' : ''}.
          </p>
          <ExhibitorCard exhibitor={preview} to={portal.keep(`/exhibitors/${x.id}`)} idPrefix="preview" level={3} />
        </section>
      </div>
    </div>
  );
}

function ProfileForm({
  exhibitorId,
  sponsorshipTier,
  draft,
  onChange,
}: {
  exhibitorId: string;
  sponsorshipTier: string | null;
  draft: Draft;
  onChange: (d: Draft) => void;
}) {
  const id = useId();
  const [save, { loading, error, reset }] = useMutation(UpdateExhibitorProfile);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<Draft>) => {
    setSaved(false);
    reset();
    onChange({ ...draft, ...patch });
  };
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const result = await save({
      variables: {
        id: exhibitorId,
        input: {
          name: draft.name.trim(),
          description: orNull(draft.description),
          category: orNull(draft.category),
          website: orNull(draft.website),
          contactEmail: orNull(draft.contactEmail),
          contactPhone: orNull(draft.contactPhone),
          leadExportAdminsOnly: draft.leadExportAdminsOnly,
          sponsorshipTier, // set by the organizers: kept as it is
        },
      },
    }).catch(() => null);
    if (result?.data) setSaved(true);
  }
  return (
    <form className={s.form} onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Directory entry</h2>
      {FIELDS.slice(0, 2).map((f) => (
        <TextField key={f.key} id={`${id}-${f.key}`} field={f} draft={draft} set={set} />
      ))}
      <div className={s.field}>
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea
          id={`${id}-description`}
          value={draft.description}
          onChange={(e) => set({ description: e.target.value })}
          maxLength={5000}
        />
      </div>
      {FIELDS.slice(2).map((f) => (
        <TextField key={f.key} id={`${id}-${f.key}`} field={f} draft={draft} set={set} />
      ))}
      <label className={s.check}>
        <input
          type="checkbox"
          checked={draft.leadExportAdminsOnly}
          onChange={(e) => set({ leadExportAdminsOnly: e.target.checked })}
        />
        Lead downloads (CSV) for admins only
      </label>
      <FormError error={error} />
      <div className={s.actions}>
        <button type="submit" className="button primary" disabled={loading || !draft.name.trim()}>
          {loading ? 'Saving…' : 'Save profile'}
        </button>
        <p role="status" className={s.saved}>
          {saved ? 'Profile saved' : ''}
        </p>
      </div>
    </form>
  );
}

function TextField({
  id,
  field,
  draft,
  set,
}: {
  id: string;
  field: (typeof FIELDS)[number];
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
}) {
  return (
    <div className={s.field}>
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        type={field.type ?? 'text'}
        value={draft[field.key]}
        onChange={(e) => set({ [field.key]: e.target.value })}
        required={field.key === 'name'}
        maxLength={field.key === 'name' ? 200 : 500}
        autoComplete="off"
        aria-describedby={field.hint ? `${id}-hint` : undefined}
      />
      {field.hint && (
        <p id={`${id}-hint`} className="hint">
          {field.hint}
        </p>
      )}
    </div>
  );
}

function ProfileFacts({ draft }: { draft: Draft }) {
  const rows: [string, string][] = [
    ['Name', draft.name],
    ['Category', draft.category],
    ['Description', draft.description],
    ['Website', draft.website],
    ['Contact email', draft.contactEmail],
    ['Contact phone', draft.contactPhone],
  ];
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading">Directory entry</h2>
      <dl className={s.facts}>
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value || '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function LogoField({
  exhibitorId,
  name,
  logoUrl,
  canManage,
}: {
  exhibitorId: string;
  name: string;
  logoUrl: string | null;
  canManage: boolean;
}) {
  const id = useId();
  const token = useToken();
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function choose(file: File | undefined, input: HTMLInputElement) {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    setDone(false);
    const result = await uploadLogo(exhibitorId, file, token);
    setBusy(false);
    input.value = '';
    if (!result.ok) return setProblem(result.message);
    client.cache.modify({
      id: client.cache.identify({ __typename: 'Exhibitor', id: exhibitorId }),
      fields: { logoUrl: () => result.logoUrl },
    });
    setDone(true);
  }

  return (
    // Not a labelled region: "Logo" names the file input alone.
    <section className={s.section}>
      <h2>Your logo</h2>
      <div className={s.logoRow}>
        {logoUrl ? (
          <img className={s.logo} src={logoUrl} alt={`Logo of ${name}`} width={96} height={96} />
        ) : (
          <div className={s.noLogo}>No logo yet</div>
        )}
        {canManage && (
          <div className={s.field}>
            <label htmlFor={id}>Logo</label>
            <input
              id={id}
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif"
              disabled={busy}
              aria-describedby={`${id}-hint`}
              onChange={(e) => void choose(e.target.files?.[0], e.target)}
            />
            <p id={`${id}-hint`} className="hint">
              PNG, JPEG, WebP or GIF; square works best.
            </p>
          </div>
        )}
      </div>
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
      <p role="status" className={s.saved}>
        {busy ? 'Uploading…' : done ? 'Logo uploaded' : ''}
      </p>
    </section>
  );
}

function LeadTags({
  exhibitorId,
  tags,
  canManage,
}: {
  exhibitorId: string;
  tags: readonly string[];
  canManage: boolean;
}) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [setTags, { loading, error, reset }] = useMutation(SetLeadTags);

  async function change(next: string[]) {
    reset();
    const result = await setTags({ variables: { exhibitorId, tags: next } }).catch(() => null);
    if (result?.data) setTyped('');
  }
  function add(event: FormEvent) {
    event.preventDefault();
    const tag = typed.trim();
    if (tag) void change([...tags, tag]);
  }

  return (
    <section aria-labelledby={`${id}-h`} className={s.section}>
      <h2 id={`${id}-h`}>Lead tags</h2>
      <p className={s.muted}>The tags your staff can put on a lead when they capture it (at most 20).</p>
      {tags.length === 0 ? (
        <p>No lead tags yet.</p>
      ) : (
        <ul className={s.tags} aria-label="Lead tags">
          {tags.map((tag) => (
            <li key={tag}>
              {tag}
              {canManage && (
                <button
                  type="button"
                  className={s.tagRemove}
                  aria-label={`Remove tag ${tag}`}
                  disabled={loading}
                  onClick={() => void change(tags.filter((t) => t !== tag))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <form className={s.inline} onSubmit={add}>
          <div className={s.field}>
            <label htmlFor={id}>New lead tag</label>
            <input id={id} value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={40} autoComplete="off" />
          </div>
          <button type="submit" className="button" disabled={loading || !typed.trim() || tags.length >= 20}>
            Add tag
          </button>
        </form>
      )}
      <FormError error={error} />
    </section>
  );
}
