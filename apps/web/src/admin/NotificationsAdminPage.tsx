import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { graphql } from '../gql';
import { dayTime } from '../programme/days';
import { FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useAdmin } from './admin-context';
import { ConfirmAction } from './ConfirmAction';
import { CursorPager } from './CursorPager';
import s from './Ops.module.css';

const Webhooks = graphql(`
  query AdminWebhooks($editionId: ID!) {
    webhooks(editionId: $editionId) {
      id
      url
      events
      active
      createdAt
    }
  }
`);

const CreateWebhook = graphql(`
  mutation AdminCreateWebhook($editionId: ID!, $input: WebhookInput!) {
    createWebhook(editionId: $editionId, input: $input) {
      id
    }
  }
`);

const DeleteWebhook = graphql(`
  mutation AdminDeleteWebhook($id: ID!) {
    deleteWebhook(id: $id)
  }
`);

const Deliveries = graphql(`
  query AdminWebhookDeliveries($webhookId: ID!) {
    webhookDeliveries(webhookId: $webhookId, first: 20) {
      id
      event
      eventId
      state
      attempts
      lastStatus
      lastError
      createdAt
      deliveredAt
    }
  }
`);

const Retry = graphql(`
  mutation AdminRetryDelivery($id: ID!) {
    retryWebhookDelivery(id: $id) {
      id
      state
      attempts
      lastStatus
      lastError
      deliveredAt
    }
  }
`);

const ChangeLog = graphql(`
  query AdminScheduleChangeLog($editionId: ID!, $after: String) {
    scheduleChangeLog(editionId: $editionId, first: 20, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          createdAt
          kinds
          summary
          notifiedCount
          session {
            id
            title
          }
        }
      }
    }
  }
`);

/** The events an endpoint may receive (WebhookInput.events). */
const EVENTS = [['schedule.changed', 'Schedule changed (a published session moved, changed or cancelled)']] as const;
const STATE: Record<string, [string, string]> = {
  DELIVERED: ['Delivered', s.good],
  PENDING: ['Pending', s.warn],
  FAILED: ['Failed', s.bad],
};
const KIND_WORDS: Record<string, string> = {
  TIME_CHANGED: 'time',
  ROOM_CHANGED: 'room',
  SPEAKER_CHANGED: 'speakers',
  DETAILS_CHANGED: 'details',
  CANCELLED: 'cancelled',
};

/** A random shared secret for a new endpoint (the receiver checks X-Conference-Signature with it). */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, '');
}

/**
 * Notifications (/admin/notifications): the edition's webhooks (create with a URL and events, delete,
 * their latest deliveries with status and Retry for a failed one) and the log of schedule changes
 * sent to attendees, with how many people each notified.
 */
export function Component() {
  useDocumentTitle('Notifications');
  const { edition } = useAdmin();
  const editionId = edition.id;
  const hooks = useQuery(Webhooks, { variables: { editionId } });
  const [remove, removing] = useMutation(DeleteWebhook, { refetchQueries: ['AdminWebhooks'] });

  return (
    <div className="page">
      <h1>Notifications</h1>
      <p className={s.lede}>{edition.name}: webhooks and the schedule changes sent.</p>

      <section aria-labelledby="hooks-title">
        <h2 id="hooks-title">Webhooks</h2>
        <p className="hint">
          Each endpoint receives the events it subscribes to as signed JSON POSTs (header X-Conference-Signature, an
          HMAC with its secret); failed deliveries are retried with backoff.
        </p>
        <FormError error={hooks.error} />
        {hooks.data && hooks.data.webhooks.length === 0 && <p className={s.muted}>No webhook yet.</p>}
        {hooks.data && hooks.data.webhooks.length > 0 && (
          <ul aria-label="Webhooks" style={{ listStyle: 'none', padding: 0 }}>
            {hooks.data.webhooks.map((w) => (
              <li key={w.id} className={s.section}>
                <div className={s.buttons} style={{ justifyContent: 'space-between' }}>
                  <div>
                    <strong style={{ overflowWrap: 'anywhere' }}>{w.url}</strong>
                    <div className={s.muted}>
                      {w.events.join(', ')} · since {dayTime(w.createdAt, edition.timezone, true)}
                      {!w.active && ' · inactive'}
                    </div>
                  </div>
                  <ConfirmAction
                    label={`Delete ${w.url}`}
                    title="Delete this webhook?"
                    confirmLabel="Delete webhook"
                    danger
                    onConfirm={() => remove({ variables: { id: w.id } }).catch(() => undefined)}
                  >
                    <p>
                      {w.url} will receive no more events. Deliveries still pending are dropped. This cannot be undone:
                      add it again to resume.
                    </p>
                  </ConfirmAction>
                </div>
                <DeliveryList webhookId={w.id} url={w.url} />
              </li>
            ))}
          </ul>
        )}
        <FormError error={removing.error} />
        <NewWebhook editionId={editionId} />
      </section>

      <section aria-labelledby="log-title" className={s.section}>
        <h2 id="log-title">Schedule changes sent</h2>
        <ChangeLogTable editionId={editionId} />
      </section>
    </div>
  );
}

function NewWebhook({ editionId }: { editionId: string }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['schedule.changed']);
  const [secret, setSecret] = useState(newSecret);
  const [create, creating] = useMutation(CreateWebhook, { refetchQueries: ['AdminWebhooks'] });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await create({ variables: { editionId, input: { url, events, secret } } });
    setUrl('');
    setSecret(newSecret());
  };
  return (
    <form className={s.form} aria-labelledby="new-hook" onSubmit={(e) => void submit(e).catch(() => undefined)}>
      <h3 id="new-hook" style={{ flexBasis: '100%', margin: '0.75rem 0 0' }}>
        Add a webhook
      </h3>
      <label className={s.field} style={{ flex: '1 1 22rem' }}>
        Endpoint URL
        <input
          type="url"
          required
          placeholder="https://example.org/hooks/conference"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
      </label>
      <label className={s.field} style={{ flex: '1 1 16rem' }}>
        Signing secret
        <input
          required
          minLength={16}
          maxLength={200}
          value={secret}
          onChange={(e) => setSecret(e.currentTarget.value)}
          autoComplete="off"
        />
      </label>
      <fieldset className={s.checks}>
        <legend>Events</legend>
        {EVENTS.map(([value, label]) => (
          <label key={value}>
            <input
              type="checkbox"
              checked={events.includes(value)}
              onChange={(e) =>
                setEvents(e.currentTarget.checked ? [...events, value] : events.filter((v) => v !== value))
              }
            />
            {label}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button primary" disabled={creating.loading || events.length === 0}>
        Create webhook
      </button>
      <p className="hint" style={{ flexBasis: '100%' }}>
        Copy the secret to the receiving system now: it is not shown again.
      </p>
      <FormError error={creating.error} />
    </form>
  );
}

function DeliveryList({ webhookId, url }: { webhookId: string; url: string }) {
  const [open, setOpen] = useState(false);
  const deliveries = useQuery(Deliveries, { variables: { webhookId }, skip: !open, fetchPolicy: 'network-only' });
  const [retry, retrying] = useMutation(Retry);
  const zone = useAdmin().edition.timezone;
  const list = deliveries.data?.webhookDeliveries ?? [];
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Deliveries</summary>
      <FormError error={deliveries.error ?? retrying.error} />
      {deliveries.data && list.length === 0 && <p className={s.muted}>Nothing sent yet.</p>}
      {list.length > 0 && (
        <div className={s.scroll}>
          <table className={s.table}>
            <caption>Latest deliveries to {url}</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Created</th>
                <th scope="col">Status</th>
                <th scope="col" className={s.num}>
                  Attempts
                </th>
                <th scope="col">Last answer</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr key={d.id}>
                  <td>{d.event}</td>
                  <td>{dayTime(d.createdAt, zone, true)}</td>
                  <td>
                    <span className={`${s.pill} ${STATE[d.state]?.[1] ?? ''}`}>{STATE[d.state]?.[0] ?? d.state}</span>
                  </td>
                  <td className={s.num}>{d.attempts}</td>
                  <td>
                    {d.lastStatus ? `HTTP ${d.lastStatus}` : ''}
                    {d.lastError ? `${d.lastStatus ? ': ' : ''}${d.lastError}` : ''}
                    {!d.lastStatus && !d.lastError && '—'}
                  </td>
                  <td>
                    {d.state === 'FAILED' && (
                      <button
                        type="button"
                        className="button"
                        disabled={retrying.loading}
                        onClick={() => void retry({ variables: { id: d.id } }).catch(() => undefined)}
                      >
                        Retry
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}

function ChangeLogTable({ editionId }: { editionId: string }) {
  const [after, setAfter] = useState<string[]>([]);
  const log = useQuery(ChangeLog, { variables: { editionId, after: after[after.length - 1] ?? null } });
  const zone = useAdmin().edition.timezone;
  const data = log.data?.scheduleChangeLog;
  return (
    <>
      <FormError error={log.error} />
      {data && data.totalCount === 0 && <p className={s.muted}>No schedule change has been sent yet.</p>}
      {data && data.totalCount > 0 && (
        <div className={s.scroll}>
          <table className={s.table}>
            <caption>Schedule changes sent ({data.totalCount})</caption>
            <thead>
              <tr>
                <th scope="col">Sent</th>
                <th scope="col">Session</th>
                <th scope="col">Changed</th>
                <th scope="col">Summary</th>
                <th scope="col" className={s.num}>
                  People notified
                </th>
              </tr>
            </thead>
            <tbody>
              {data.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>{dayTime(node.createdAt, zone, true)}</td>
                  <th scope="row">{node.session.title}</th>
                  <td>{node.kinds.map((k) => KIND_WORDS[k] ?? k).join(', ')}</td>
                  <td>{node.summary}</td>
                  <td className={s.num}>{node.notifiedCount ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CursorPager
        after={after}
        setAfter={setAfter}
        pageInfo={data?.pageInfo}
        back="Newer changes"
        forward="Older changes"
      />
    </>
  );
}
