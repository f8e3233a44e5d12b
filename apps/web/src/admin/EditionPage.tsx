import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { refreshAnswers } from '../app/answer-store';
import { formText } from '../app/form-text';
import { graphql } from '../gql';
import type { AdminEditionQuery, Role } from '../gql/graphql';
import { FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import s from './Admin.module.css';
import { AddForm, EditButton, EditorRow, ListHead } from './AdminList';
import { useAdmin } from './admin-context';
import { CreateEditionForm, EditionFields, editionInput } from './CreateEditionForm';

/**
 * What the screen shows of a room and a track (of the edition: AdminEditionFields, CreateEditionForm.tsx):
 * the query's, and each change's answer.
 */
graphql(`
  fragment AdminRoomFields on Room {
    id
    name
    capacity
    enforceCapacity
  }
`);
graphql(`
  fragment AdminTrackFields on Track {
    id
    name
    colour
  }
`);

/**
 * `/admin/edition`: the edition's name, year, timezone and days; its rooms (capacity, enforced or
 * not) and tracks (name, colour); who holds which role (granted by email); and a new edition.
 */
const AdminEdition = graphql(`
  query AdminEdition($id: ID!) {
    edition(id: $id) {
      ...AdminEditionFields
      rooms {
        ...AdminRoomFields
      }
      tracks {
        ...AdminTrackFields
      }
    }
    editionRoles(editionId: $id) {
      email
      role
      exhibitorId
      grantedAt
      exhibitor {
        id
        name
      }
    }
  }
`);

const UpdateEdition = graphql(`
  mutation AdminUpdateEdition($id: ID!, $input: EditionPatch!) {
    updateEdition(id: $id, input: $input) {
      ...AdminEditionFields
    }
  }
`);

const CreateRoom = graphql(`
  mutation AdminCreateRoom($editionId: ID!, $input: RoomInput!) {
    createRoom(editionId: $editionId, input: $input) {
      ...AdminRoomFields
    }
  }
`);

const UpdateRoom = graphql(`
  mutation AdminUpdateRoom($id: ID!, $input: RoomPatch!) {
    updateRoom(id: $id, input: $input) {
      ...AdminRoomFields
    }
  }
`);

const CreateTrack = graphql(`
  mutation AdminCreateTrack($editionId: ID!, $name: String!, $colour: String) {
    createTrack(editionId: $editionId, name: $name, colour: $colour) {
      ...AdminTrackFields
    }
  }
`);

const UpdateTrack = graphql(`
  mutation AdminUpdateTrack($id: ID!, $name: String, $colour: String) {
    updateTrack(id: $id, name: $name, colour: $colour) {
      ...AdminTrackFields
    }
  }
`);

const GrantRole = graphql(`
  mutation AdminGrantRole($editionId: ID!, $email: String!, $role: Role!) {
    grantRole(editionId: $editionId, email: $email, role: $role)
  }
`);

const RevokeRole = graphql(`
  mutation AdminRevokeRole($editionId: ID!, $email: String!, $role: Role!, $exhibitorId: ID) {
    revokeRole(editionId: $editionId, email: $email, role: $role, exhibitorId: $exhibitorId)
  }
`);

const GRANTABLE: Role[] = ['ORGANIZER', 'STAFF', 'SPEAKER', 'ATTENDEE'];
const ROLE_NAMES: Record<Role, string> = {
  ORGANIZER: 'Organizer',
  STAFF: 'Door staff',
  SPEAKER: 'Speaker',
  ATTENDEE: 'Attendee',
  EXHIBITOR: 'Exhibitor staff',
};

export function Component() {
  const { edition } = useAdmin();
  useDocumentTitle(`Edition · ${edition.name}`);
  const { data, error } = useQuery(AdminEdition, { variables: { id: edition.id } });
  const current = data?.edition;
  return (
    <>
      <h1>Edition: {edition.name}</h1>
      <FormError error={error} />
      {current && (
        <>
          <EditionDetails edition={current} />
          <div className={s.columns}>
            <Rooms editionId={current.id} rooms={current.rooms} />
            <Tracks editionId={current.id} tracks={current.tracks} />
          </div>
          <Roles editionId={current.id} grants={data.editionRoles} />
        </>
      )}
      <section className={s.section}>
        <CreateEditionForm />
        <p className="hint">Creating an edition needs a platform organizer.</p>
      </section>
    </>
  );
}

type EditionData = AdminEditionQuery;
type EditionRecord = NonNullable<EditionData['edition']>;

function EditionDetails({ edition }: { edition: EditionRecord }) {
  const heading = useId();
  const client = useApolloClient();
  const [update, { loading, error, data }] = useMutation(UpdateEdition);
  const [saved, setSaved] = useState(false);
  return (
    <section className={s.section} aria-labelledby={heading}>
      <h2 id={heading}>Details</h2>
      <form
        aria-label="Edition details"
        className={s.inlineForm}
        key={edition.id}
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          void update({ variables: { id: edition.id, input: editionInput(new FormData(event.currentTarget)) } })
            .then(() => refreshAnswers(client, ['EditionChoice']))
            .then(() => setSaved(true))
            .catch(() => undefined);
        }}
      >
        <EditionFields values={edition} />
        <button type="submit" className={s.primary} disabled={loading}>
          Save edition
        </button>
      </form>
      <FormError error={error} />
      {saved && data && (
        <p role="status" className={s.ok}>
          Saved.
        </p>
      )}
    </section>
  );
}

type RoomRecord = EditionRecord['rooms'][number];

const roomInput = (f: FormData) => ({
  name: formText(f, 'name').trim(),
  capacity: Number(formText(f, 'capacity')),
  enforceCapacity: f.get('enforce') === 'on',
});

function Rooms({ editionId, rooms }: { editionId: string; rooms: readonly RoomRecord[] }) {
  const heading = useId();
  const [create, created] = useMutation(CreateRoom, { refetchQueries: ['AdminEdition'] });
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className={s.section} aria-labelledby={heading}>
      <h2 id={heading}>Rooms</h2>
      {rooms.length === 0 ? (
        <p className={s.muted}>No rooms yet.</p>
      ) : (
        <table className={s.table} aria-labelledby={heading}>
          <ListHead columns={['Name', 'Capacity', 'Enforced']} />
          <tbody>
            {rooms.map((room) =>
              editing === room.id ? (
                <RoomEditor key={room.id} room={room} done={() => setEditing(null)} />
              ) : (
                <tr key={room.id}>
                  <th scope="row">{room.name}</th>
                  <td>{room.capacity}</td>
                  <td>{room.enforceCapacity ? 'Yes' : 'No'}</td>
                  <td>
                    <EditButton name={room.name} onEdit={() => setEditing(room.id)} />
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <AddForm
        label="Add a room"
        save="Add room"
        loading={created.loading}
        onSubmit={(f) => create({ variables: { editionId, input: roomInput(f) } })}
      >
        <label className={s.field}>
          Room name
          <input name="name" required maxLength={200} />
        </label>
        <label className={s.field}>
          Capacity
          <input name="capacity" type="number" min={0} required style={{ width: '7rem' }} />
        </label>
        <label className={s.checkField}>
          <input name="enforce" type="checkbox" />
          Enforce capacity
        </label>
      </AddForm>
      <FormError error={created.error} />
    </section>
  );
}

function RoomEditor({ room, done }: { room: RoomRecord; done: () => void }) {
  const [update, { loading, error }] = useMutation(UpdateRoom);
  return (
    <EditorRow
      label={`Edit room ${room.name}`}
      save="Save room"
      loading={loading}
      error={error}
      onSubmit={(f) => update({ variables: { id: room.id, input: roomInput(f) } })}
      done={done}
      cells={(formId) => [
        <label className={s.field}>
          Room name
          <input form={formId} name="name" required defaultValue={room.name} />
        </label>,
        <label className={s.field}>
          Capacity
          <input
            form={formId}
            name="capacity"
            type="number"
            min={0}
            required
            defaultValue={room.capacity}
            style={{ width: '6rem' }}
          />
        </label>,
        <label className={s.checkField}>
          <input form={formId} name="enforce" type="checkbox" defaultChecked={room.enforceCapacity} />
          Enforce capacity
        </label>,
      ]}
    />
  );
}

type TrackRecord = EditionRecord['tracks'][number];

const trackInput = (f: FormData) => ({ name: formText(f, 'name').trim(), colour: formText(f, 'colour') });

function Tracks({ editionId, tracks }: { editionId: string; tracks: readonly TrackRecord[] }) {
  const heading = useId();
  const [create, created] = useMutation(CreateTrack, { refetchQueries: ['AdminEdition'] });
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className={s.section} aria-labelledby={heading}>
      <h2 id={heading}>Tracks</h2>
      {tracks.length === 0 ? (
        <p className={s.muted}>No tracks yet.</p>
      ) : (
        <table className={s.table} aria-labelledby={heading}>
          <ListHead columns={['Name', 'Colour']} />
          <tbody>
            {tracks.map((track) =>
              editing === track.id ? (
                <TrackEditor key={track.id} track={track} done={() => setEditing(null)} />
              ) : (
                <tr key={track.id}>
                  <th scope="row">{track.name}</th>
                  <td>
                    {track.colour ? (
                      <>
                        <span className={s.swatch} style={{ background: track.colour }} aria-hidden="true" />
                        {track.colour}
                      </>
                    ) : (
                      'None'
                    )}
                  </td>
                  <td>
                    <EditButton name={track.name} onEdit={() => setEditing(track.id)} />
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <AddForm
        label="Add a track"
        save="Add track"
        loading={created.loading}
        onSubmit={(f) => create({ variables: { editionId, ...trackInput(f) } })}
      >
        <label className={s.field}>
          Track name
          <input name="name" required maxLength={200} />
        </label>
        <label className={s.field}>
          Colour
          <input name="colour" type="color" defaultValue="#0b4f6c" />
        </label>
      </AddForm>
      <FormError error={created.error} />
    </section>
  );
}

function TrackEditor({ track, done }: { track: TrackRecord; done: () => void }) {
  const [update, { loading, error }] = useMutation(UpdateTrack);
  return (
    <EditorRow
      label={`Edit track ${track.name}`}
      save="Save track"
      loading={loading}
      error={error}
      onSubmit={(f) => update({ variables: { id: track.id, ...trackInput(f) } })}
      done={done}
      cells={(formId) => [
        <label className={s.field}>
          Track name
          <input form={formId} name="name" required defaultValue={track.name} />
        </label>,
        <label className={s.field}>
          Colour
          <input form={formId} name="colour" type="color" defaultValue={track.colour ?? '#0b4f6c'} />
        </label>,
      ]}
    />
  );
}

function Roles({ editionId, grants }: { editionId: string; grants: EditionData['editionRoles'] }) {
  const heading = useId();
  const [grant, granted] = useMutation(GrantRole, { refetchQueries: ['AdminEdition'] });
  const [revoke, revoked] = useMutation(RevokeRole, { refetchQueries: ['AdminEdition', 'MyRoles'] });
  return (
    <section className={s.section} aria-labelledby={heading}>
      <h2 id={heading}>Roles</h2>
      <AddForm
        label="Grant a role"
        save="Grant role"
        loading={granted.loading}
        onSubmit={(f) =>
          grant({ variables: { editionId, email: formText(f, 'email').trim(), role: formText(f, 'role') as Role } })
        }
      >
        <label className={s.field}>
          Email
          <input name="email" type="email" required autoComplete="off" style={{ minWidth: '18rem' }} />
        </label>
        <label className={s.field}>
          Role
          <select name="role" defaultValue="STAFF">
            {GRANTABLE.map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES[r]}
              </option>
            ))}
          </select>
        </label>
      </AddForm>
      <FormError error={granted.error ?? revoked.error} />
      <p className="hint">
        A role applies once its owner has verified the email. Exhibitor staff are managed on the Exhibition screen.
      </p>
      {grants.length === 0 ? (
        <p className={s.muted}>No roles granted yet.</p>
      ) : (
        <table className={s.table} aria-labelledby={heading}>
          <ListHead columns={['Email', 'Role', 'Granted']} />
          <tbody>
            {grants.map((g) => (
              <tr key={`${g.email}/${g.role}/${g.exhibitorId ?? ''}`}>
                <th scope="row">{g.email}</th>
                <td>
                  {ROLE_NAMES[g.role]}
                  {g.exhibitor ? ` (${g.exhibitor.name})` : ''}
                </td>
                <td>{new Date(g.grantedAt).toLocaleDateString('en-GB')}</td>
                <td>
                  <button
                    type="button"
                    className={s.danger}
                    disabled={revoked.loading}
                    aria-label={`Revoke ${ROLE_NAMES[g.role]} from ${g.email}`}
                    onClick={() => {
                      if (!window.confirm(`Revoke the ${ROLE_NAMES[g.role]} role from ${g.email}?`)) return;
                      void revoke({
                        variables: { editionId, email: g.email, role: g.role, exhibitorId: g.exhibitorId },
                      }).catch(() => undefined);
                    }}
                  >
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
