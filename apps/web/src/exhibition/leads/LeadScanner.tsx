import { useApolloClient } from '@apollo/client/react';
import { type FormEvent, useCallback, useId, useState } from 'react';
import { CameraView } from '../../ui/CameraView';
import { BadgeCodeForm, SyncBar } from '../../ui/ScannerControls';
import type { Uploaded } from './lead-capture';
import type { LeadDetails, LeadExhibitor, QueuedLead } from './lead-queue';
import { apolloLeadTransport, LEAD_QUERIES, type LeadView } from './leads-api';
import { useLeadCapturer } from './useLeadCapturer';
import s from './Leads.module.css';

/** What the panel shows: a lead from the server, or a capture saved on this device. */
type Shown = { kind: 'lead'; lead: LeadView; again: boolean } | { kind: 'queued'; entry: QueuedLead };

const time = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
const fullName = (lead: LeadView) => `${lead.attendee.firstName} ${lead.attendee.lastName}`;

/**
 * The lead scanner ("capture lead" mode of the door scanner's camera and keyboard-wedge entry): a
 * badge captured shows its contact at once with notes, rating and tags to save. WORKS OFFLINE: a
 * capture the API does not answer within ~1.5 s is saved on this device (IndexedDB, lead-queue.ts)
 * and uploaded with syncLeads once the network is back (lead-capture.ts).
 */
export function LeadScanner({ exhibitor }: { exhibitor: LeadExhibitor }) {
  const client = useApolloClient();
  const [shown, setShown] = useState<Shown | null>(null);
  const [version, setVersion] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const [syncing, setSyncing] = useState(false);

  const onUploaded = useCallback((uploaded: Uploaded<LeadView>[]) => {
    setRefused((list) => [
      ...list,
      ...uploaded.filter((u) => !u.lead).map((u) => `A badge captured at ${time(u.entry.scannedAt)}: ${u.reason}`),
    ]);
    // The capture on screen, uploaded: its contact now shows.
    setShown((now) => {
      if (now?.kind !== 'queued') return now;
      const done = uploaded.find((u) => u.entry.clientScanId === now.entry.clientScanId);
      return done?.lead ? { kind: 'lead', lead: done.lead, again: false } : now;
    });
    setVersion((v) => v + 1);
  }, []);
  const { capturer, state } = useLeadCapturer(exhibitor.id, onUploaded);

  const capture = useCallback(
    async (code: string, source: 'camera' | 'keyboard') => {
      if (!capturer) return;
      const started = Date.now();
      const result = await capturer.capture(code, source);
      if (result.kind === 'ignored') return;
      if (result.kind === 'error') {
        setProblem(result.message);
        return;
      }
      setProblem(null);
      if (result.kind === 'lead') {
        const again = new Date(result.lead.capturedAt).getTime() < started - 10_000;
        setShown({ kind: 'lead', lead: result.lead, again });
        void client.refetchQueries({ include: LEAD_QUERIES }).catch(() => undefined);
      } else setShown({ kind: 'queued', entry: result.entry });
      setVersion((v) => v + 1);
    },
    [capturer, client],
  );
  const onCameraCode = useCallback((code: string) => void capture(code, 'camera'), [capture]);
  const onTypedCode = (code: string) => void capture(code, 'keyboard');

  const sync = () => {
    setSyncing(true);
    void capturer?.syncNow().finally(() => setSyncing(false));
  };

  const save = async (details: LeadDetails): Promise<void> => {
    if (!shown) return;
    if (shown.kind === 'lead') {
      const lead = await apolloLeadTransport(client).update(shown.lead.id, details);
      setShown({ kind: 'lead', lead, again: shown.again });
      void client.refetchQueries({ include: LEAD_QUERIES }).catch(() => undefined);
      return;
    }
    if (!capturer) return;
    const saved = await capturer.saveQueued(shown.entry.clientScanId, details);
    if (saved.kind === 'lead') setShown({ kind: 'lead', lead: saved.lead, again: false });
    else setShown({ kind: 'queued', entry: { ...shown.entry, ...details } });
  };

  const result =
    problem ??
    (shown?.kind === 'lead'
      ? `${shown.again ? 'Already captured' : 'Lead captured'}: ${fullName(shown.lead)}`
      : shown
        ? 'Saved on this device: the contact shows once it is uploaded.'
        : '');

  return (
    <section className={s.scanner} aria-labelledby="capture-heading">
      <h2 id="capture-heading">Capture leads</h2>
      <SyncBar
        state={state}
        offlineHint={<p className="hint">Captures are saved on this device and sent when the network is back.</p>}
        canSync={!!capturer && !syncing}
        onSync={sync}
        classes={s}
      />
      {refused.length > 0 && (
        <ul className={s.refused} aria-label="Badges refused on upload">
          {refused.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}

      <CameraView onCode={onCameraCode} enabled={!!capturer} idleMessage="Starting…" />

      <BadgeCodeForm
        inputId="lead-badge-code"
        button="Capture lead"
        disabled={!capturer}
        onCode={onTypedCode}
        classes={s}
        hintClassName="hint"
      />

      <p role="status" aria-label="Capture result" className={problem ? s.problem : s.result}>
        {result}
      </p>
      {shown && <LeadCard key={version} shown={shown} tags={exhibitor.leadTags} onSave={save} />}
    </section>
  );
}

/** The captured contact with its notes, rating and tags. */
function LeadCard({
  shown,
  tags,
  onSave,
}: {
  shown: Shown;
  tags: string[];
  onSave: (details: LeadDetails) => Promise<void>;
}) {
  const id = useId();
  const lead = shown.kind === 'lead' ? shown.lead : null;
  const start = lead ?? (shown.kind === 'queued' ? shown.entry : null);
  const [notes, setNotes] = useState(start?.notes ?? '');
  const [rating, setRating] = useState<number>(start?.rating ?? 0);
  const [chosen, setChosen] = useState<string[]>(start?.tags ?? []);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // Tags the lead has that the list no longer offers stay shown (and kept) until unticked.
  const offered = [...tags, ...chosen.filter((t) => !tags.includes(t))];

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaving(true);
    setMessage(null);
    onSave({ notes: notes.trim() || null, rating: rating || null, tags: chosen })
      .then(
        () => setMessage({ ok: true, text: shown.kind === 'queued' ? 'Saved on this device' : 'Saved' }),
        (error: unknown) =>
          setMessage({ ok: false, text: error instanceof Error ? error.message : 'The lead could not be saved.' }),
      )
      .finally(() => setSaving(false));
  };

  return (
    <article className={s.card} aria-labelledby={`${id}-name`}>
      {lead ? (
        <>
          <h3 id={`${id}-name`}>{fullName(lead)}</h3>
          <dl className={s.contact}>
            {lead.attendee.jobTitle && (
              <>
                <dt>Job title</dt>
                <dd>{lead.attendee.jobTitle}</dd>
              </>
            )}
            {lead.attendee.company && (
              <>
                <dt>Company</dt>
                <dd>{lead.attendee.company}</dd>
              </>
            )}
            {!lead.contactHidden && lead.attendee.email && (
              <>
                <dt>Email</dt>
                <dd>
                  <a href={`mailto:${lead.attendee.email}`}>{lead.attendee.email}</a>
                </dd>
              </>
            )}
            <dt>Captured</dt>
            <dd>
              {time(lead.capturedAt)}
              {lead.capturedBy ? ` by ${lead.capturedBy}` : ''}
            </dd>
          </dl>
          {lead.contactHidden && <p className="hint">Contact details are kept to this exhibitor’s admins.</p>}
        </>
      ) : (
        <>
          <h3 id={`${id}-name`}>Saved on this device</h3>
          <p className="hint">
            Captured at {time((shown as { entry: QueuedLead }).entry.scannedAt)}; the contact shows once it is uploaded.
          </p>
        </>
      )}
      <form className={s.leadForm} onSubmit={submit}>
        <label htmlFor={`${id}-notes`}>Notes</label>
        <textarea id={`${id}-notes`} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
        <fieldset className={s.rating}>
          <legend>Rating</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className={s.star}>
              <input
                type="radio"
                name={`${id}-rating`}
                value={n}
                checked={rating === n}
                onChange={() => setRating(n)}
                aria-label={`Rating ${n}`}
              />
              <span aria-hidden="true">{n}</span>
            </label>
          ))}
          <label className={s.star}>
            <input type="radio" name={`${id}-rating`} value={0} checked={rating === 0} onChange={() => setRating(0)} />
            <span>None</span>
          </label>
        </fieldset>
        {offered.length > 0 && (
          <fieldset className={s.tags}>
            <legend>Tags</legend>
            {offered.map((t) => (
              <label key={t} className={s.tag}>
                <input
                  type="checkbox"
                  checked={chosen.includes(t)}
                  onChange={(e) => setChosen((c) => (e.target.checked ? [...c, t] : c.filter((x) => x !== t)))}
                />
                {t}
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit" className="button primary" disabled={saving}>
          Save lead
        </button>
        {message && (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'hint' : 'form-error'}>
            {message.text}
          </p>
        )}
      </form>
    </article>
  );
}
