import { graphql } from '../gql';

/** The programme editor's reads, shared by the grid and the session panel. */
export const AdminProgrammeEdition = graphql(`
  query AdminProgrammeEdition($id: ID!) {
    edition(id: $id) {
      id
      timezone
      startsOn
      endsOn
      rooms {
        id
        name
        capacity
      }
      tracks {
        id
        name
        colour
      }
    }
  }
`);

export const AdminSessionFields = graphql(`
  fragment AdminSessionFields on Session {
    id
    title
    abstract
    format
    status
    startsAt
    endsAt
    capacity
    ceCredits
    cancelReason
    seatsTaken
    room {
      id
      name
    }
    track {
      id
      name
      colour
    }
    speakers {
      id
      name
    }
    attendance {
      reserved
      waitlisted
      bookmarked
    }
  }
`);

/** Every session of one of the edition's days, drafts included (organizers see them). */
export const AdminProgrammeDay = graphql(`
  query AdminProgrammeDay($editionId: ID!, $day: String!) {
    sessions(editionId: $editionId, filter: { day: $day }, first: 200) {
      totalCount
      edges {
        node {
          ...AdminSessionFields
        }
      }
    }
  }
`);

export const AdminSpeakerChoices = graphql(`
  query AdminSpeakerChoices($editionId: ID!, $search: String) {
    speakers(editionId: $editionId, search: $search, first: 50) {
      edges {
        node {
          id
          name
          company
        }
      }
    }
  }
`);

export const UpdateSessionPlace = graphql(`
  mutation AdminUpdateSession($id: ID!, $patch: SessionPatch!) {
    updateSession(id: $id, patch: $patch) {
      ...AdminSessionFields
    }
  }
`);
