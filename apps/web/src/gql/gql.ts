/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      name\n      email\n    }\n  }\n": typeof types.MeDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      body\n      createdAt\n      change {\n        id\n        kind\n        session {\n          id\n        }\n      }\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  query Notifications {\n    notifications(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          body\n          createdAt\n          readAt\n          change {\n            id\n            kind\n            session {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  query UnreadNotifications {\n    notifications(unreadOnly: true, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          body\n          createdAt\n          change {\n            id\n            kind\n            session {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.UnreadNotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  mutation ResendVerification {\n    resendVerification\n  }\n": typeof types.ResendVerificationDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      token\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        email\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": typeof types.VerifyEmailDocument,
    "\n  query ExhibitorProfile($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n      category\n      sponsorshipTier\n      description\n      website\n      contactEmail\n      contactPhone\n      booths {\n        id\n        code\n        widthM\n        depthM\n        hall {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ExhibitorProfileDocument,
    "\n  query ExhibitorCategories($editionId: ID!) {\n    exhibitorCategories(editionId: $editionId)\n  }\n": typeof types.ExhibitorCategoriesDocument,
    "\n  query ExhibitorDirectory($editionId: ID!, $search: String, $category: String, $first: Int, $after: String) {\n    exhibitors(editionId: $editionId, search: $search, category: $category, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n          category\n          sponsorshipTier\n          description\n          booths {\n            id\n            code\n            hall {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ExhibitorDirectoryDocument,
    "\n  query EditionHalls($editionId: ID!) {\n    edition(id: $editionId) {\n      id\n      halls {\n        id\n        name\n        widthM\n        depthM\n      }\n    }\n  }\n": typeof types.EditionHallsDocument,
    "\n  query HallBooths($editionId: ID!, $hallId: ID!) {\n    booths(editionId: $editionId, hallId: $hallId) {\n      id\n      code\n      xM\n      yM\n      widthM\n      depthM\n      status\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n": typeof types.HallBoothsDocument,
    "\n  query MyBadge($editionId: ID!) {\n    myAttendee(editionId: $editionId) {\n      id\n      firstName\n      lastName\n      company\n      accessLevel\n      badge {\n        id\n        status\n        code\n        qrSvg\n        pdfUrl\n        version\n      }\n    }\n  }\n": typeof types.MyBadgeDocument,
    "\n  query MyCredits($editionId: ID!) {\n    myCredits(editionId: $editionId) {\n      total\n      certificateUrl\n      sessions {\n        minutesAttended\n        credits\n        session {\n          id\n          title\n          startsAt\n          endsAt\n          ceCredits\n        }\n      }\n    }\n  }\n": typeof types.MyCreditsDocument,
    "\n  query ProgrammeEdition($id: ID!) {\n    edition(id: $id) {\n      id\n      rooms {\n        id\n        name\n      }\n      tracks {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ProgrammeEditionDocument,
    "\n  query ProgrammeDay($editionId: ID!, $day: String!, $search: String) {\n    sessions(editionId: $editionId, filter: { day: $day, search: $search }, first: 200) {\n      totalCount\n      edges {\n        node {\n          ...ProgrammeSessionFields\n        }\n      }\n    }\n  }\n": typeof types.ProgrammeDayDocument,
    "\n  query ProgrammeDaySeats($editionId: ID!, $day: String!, $search: String) {\n    sessions(editionId: $editionId, filter: { day: $day, search: $search }, first: 200) {\n      totalCount\n      edges {\n        node {\n          id\n          seatsTaken\n        }\n      }\n    }\n  }\n": typeof types.ProgrammeDaySeatsDocument,
    "\n  query MySchedule($editionId: ID!) {\n    mySchedule(editionId: $editionId) {\n      id\n      status\n      waitlistPosition\n      conflictsWith {\n        id\n        title\n      }\n      session {\n        id\n        title\n        startsAt\n        endsAt\n        status\n        format\n        room {\n          id\n          name\n        }\n        track {\n          id\n          name\n        }\n      }\n    }\n    myAttendee(editionId: $editionId) {\n      id\n      emailUpdates\n    }\n  }\n": typeof types.MyScheduleDocument,
    "\n  query MyCalendarUrl($editionId: ID!) {\n    myCalendarUrl(editionId: $editionId)\n  }\n": typeof types.MyCalendarUrlDocument,
    "\n  mutation RotateCalendarToken($editionId: ID!) {\n    rotateCalendarToken(editionId: $editionId)\n  }\n": typeof types.RotateCalendarTokenDocument,
    "\n  mutation SetEmailUpdates($editionId: ID!, $enabled: Boolean!) {\n    setEmailUpdates(editionId: $editionId, enabled: $enabled)\n  }\n": typeof types.SetEmailUpdatesDocument,
    "\n  fragment ProgrammeSessionFields on Session {\n    id\n    title\n    startsAt\n    endsAt\n    format\n    status\n    capacity\n    ceCredits\n    room {\n      id\n      name\n      capacity\n      enforceCapacity\n    }\n    track {\n      id\n      name\n    }\n    speakers {\n      id\n      name\n    }\n  }\n": typeof types.ProgrammeSessionFieldsFragmentDoc,
    "\n  query ProgrammeSession($id: ID!) {\n    session(id: $id) {\n      ...ProgrammeSessionFields\n      seatsTaken\n      abstract\n      cancelReason\n      edition {\n        id\n        name\n        timezone\n      }\n      speakers {\n        id\n        name\n        company\n        jobTitle\n        bio\n      }\n    }\n  }\n": typeof types.ProgrammeSessionDocument,
    "\n  mutation MergeDeviceEntry($sessionId: ID!) {\n    addToSchedule(sessionId: $sessionId) {\n      id\n      status\n    }\n  }\n": typeof types.MergeDeviceEntryDocument,
    "\n  query ProgrammeSchedule($editionId: ID!) {\n    mySchedule(editionId: $editionId) {\n      id\n      status\n      waitlistPosition\n      session {\n        id\n        title\n        startsAt\n        endsAt\n        seatsTaken\n      }\n      conflictsWith {\n        id\n        title\n      }\n    }\n  }\n": typeof types.ProgrammeScheduleDocument,
    "\n  mutation ProgrammeAdd($sessionId: ID!) {\n    addToSchedule(sessionId: $sessionId) {\n      id\n      status\n      waitlistPosition\n      session {\n        id\n        seatsTaken\n      }\n    }\n  }\n": typeof types.ProgrammeAddDocument,
    "\n  mutation ProgrammeRemove($sessionId: ID!) {\n    removeFromSchedule(sessionId: $sessionId)\n  }\n": typeof types.ProgrammeRemoveDocument,
    "\n  query ProgrammeSeats($id: ID!) {\n    session(id: $id) {\n      id\n      seatsTaken\n    }\n  }\n": typeof types.ProgrammeSeatsDocument,
    "\n  mutation AddToSchedule($sessionId: ID!) {\n    addToSchedule(sessionId: $sessionId) {\n      id\n      status\n      waitlistPosition\n    }\n  }\n": typeof types.AddToScheduleDocument,
    "\n  mutation RemoveFromSchedule($sessionId: ID!) {\n    removeFromSchedule(sessionId: $sessionId)\n  }\n": typeof types.RemoveFromScheduleDocument,
    "\n  query ScannerCheckpointStats($checkpointId: ID!) {\n    checkpointStats(checkpointId: $checkpointId) {\n      checkpointId\n      admittedToday\n      insideNow\n      lastQuarterHour\n    }\n  }\n": typeof types.ScannerCheckpointStatsDocument,
    "\n  subscription ScannerCheckpointStatsChanged($checkpointId: ID!) {\n    checkpointStatsChanged(checkpointId: $checkpointId) {\n      checkpointId\n      admittedToday\n      insideNow\n      lastQuarterHour\n    }\n  }\n": typeof types.ScannerCheckpointStatsChangedDocument,
    "\n  query ScannerCheckpoints($editionId: ID!) {\n    checkpoints(editionId: $editionId) {\n      id\n      name\n      kind\n      allowed\n      exitScanning\n      opensAt\n      closesAt\n    }\n  }\n": typeof types.ScannerCheckpointsDocument,
    "\n  fragment ScannerResult on ScanResult {\n    outcome\n    reason\n    rejectReason\n    firstAdmittedAt\n    attendee {\n      id\n      firstName\n      lastName\n      accessLevel\n    }\n    scan {\n      id\n      scannedAt\n      conflict\n      annulledAt\n    }\n  }\n": typeof types.ScannerResultFragmentDoc,
    "\n  mutation ScannerScanBadge($input: ScanInput!) {\n    scanBadge(input: $input) {\n      ...ScannerResult\n    }\n  }\n": typeof types.ScannerScanBadgeDocument,
    "\n  mutation ScannerSyncScans($checkpointId: ID!, $scans: [OfflineScanInput!]!, $deviceId: String, $queued: Int) {\n    syncScans(checkpointId: $checkpointId, scans: $scans, deviceId: $deviceId, queued: $queued) {\n      results {\n        ...ScannerResult\n      }\n    }\n  }\n": typeof types.ScannerSyncScansDocument,
    "\n  mutation ScannerAnnulScan($scanId: ID!, $deviceId: String!) {\n    annulScan(scanId: $scanId, deviceId: $deviceId) {\n      id\n      annulledAt\n    }\n  }\n": typeof types.ScannerAnnulScanDocument,
    "\n  query ScannerDataset($editionId: ID!, $since: String, $after: String, $first: Int) {\n    scannerDataset(editionId: $editionId, since: $since, after: $after, first: $first) {\n      bookmark\n      endCursor\n      hasNextPage\n      keys {\n        kid\n        publicKey\n        retired\n      }\n      roster {\n        badgeId\n        version\n        attendeeId\n        name\n        accessLevel\n        revoked\n      }\n    }\n  }\n": typeof types.ScannerDatasetDocument,
    "\n  query EditionChoice {\n    editions {\n      id\n      name\n      year\n      startsOn\n      endsOn\n      timezone\n    }\n  }\n": typeof types.EditionChoiceDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      name\n      email\n    }\n  }\n": types.MeDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      body\n      createdAt\n      change {\n        id\n        kind\n        session {\n          id\n        }\n      }\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  query Notifications {\n    notifications(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          body\n          createdAt\n          readAt\n          change {\n            id\n            kind\n            session {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  query UnreadNotifications {\n    notifications(unreadOnly: true, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          body\n          createdAt\n          change {\n            id\n            kind\n            session {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": types.UnreadNotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  mutation ResendVerification {\n    resendVerification\n  }\n": types.ResendVerificationDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n": types.LoginDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      token\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        email\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": types.VerifyEmailDocument,
    "\n  query ExhibitorProfile($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n      category\n      sponsorshipTier\n      description\n      website\n      contactEmail\n      contactPhone\n      booths {\n        id\n        code\n        widthM\n        depthM\n        hall {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ExhibitorProfileDocument,
    "\n  query ExhibitorCategories($editionId: ID!) {\n    exhibitorCategories(editionId: $editionId)\n  }\n": types.ExhibitorCategoriesDocument,
    "\n  query ExhibitorDirectory($editionId: ID!, $search: String, $category: String, $first: Int, $after: String) {\n    exhibitors(editionId: $editionId, search: $search, category: $category, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n          category\n          sponsorshipTier\n          description\n          booths {\n            id\n            code\n            hall {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ExhibitorDirectoryDocument,
    "\n  query EditionHalls($editionId: ID!) {\n    edition(id: $editionId) {\n      id\n      halls {\n        id\n        name\n        widthM\n        depthM\n      }\n    }\n  }\n": types.EditionHallsDocument,
    "\n  query HallBooths($editionId: ID!, $hallId: ID!) {\n    booths(editionId: $editionId, hallId: $hallId) {\n      id\n      code\n      xM\n      yM\n      widthM\n      depthM\n      status\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n": types.HallBoothsDocument,
    "\n  query MyBadge($editionId: ID!) {\n    myAttendee(editionId: $editionId) {\n      id\n      firstName\n      lastName\n      company\n      accessLevel\n      badge {\n        id\n        status\n        code\n        qrSvg\n        pdfUrl\n        version\n      }\n    }\n  }\n": types.MyBadgeDocument,
    "\n  query MyCredits($editionId: ID!) {\n    myCredits(editionId: $editionId) {\n      total\n      certificateUrl\n      sessions {\n        minutesAttended\n        credits\n        session {\n          id\n          title\n          startsAt\n          endsAt\n          ceCredits\n        }\n      }\n    }\n  }\n": types.MyCreditsDocument,
    "\n  query ProgrammeEdition($id: ID!) {\n    edition(id: $id) {\n      id\n      rooms {\n        id\n        name\n      }\n      tracks {\n        id\n        name\n      }\n    }\n  }\n": types.ProgrammeEditionDocument,
    "\n  query ProgrammeDay($editionId: ID!, $day: String!, $search: String) {\n    sessions(editionId: $editionId, filter: { day: $day, search: $search }, first: 200) {\n      totalCount\n      edges {\n        node {\n          ...ProgrammeSessionFields\n        }\n      }\n    }\n  }\n": types.ProgrammeDayDocument,
    "\n  query ProgrammeDaySeats($editionId: ID!, $day: String!, $search: String) {\n    sessions(editionId: $editionId, filter: { day: $day, search: $search }, first: 200) {\n      totalCount\n      edges {\n        node {\n          id\n          seatsTaken\n        }\n      }\n    }\n  }\n": types.ProgrammeDaySeatsDocument,
    "\n  query MySchedule($editionId: ID!) {\n    mySchedule(editionId: $editionId) {\n      id\n      status\n      waitlistPosition\n      conflictsWith {\n        id\n        title\n      }\n      session {\n        id\n        title\n        startsAt\n        endsAt\n        status\n        format\n        room {\n          id\n          name\n        }\n        track {\n          id\n          name\n        }\n      }\n    }\n    myAttendee(editionId: $editionId) {\n      id\n      emailUpdates\n    }\n  }\n": types.MyScheduleDocument,
    "\n  query MyCalendarUrl($editionId: ID!) {\n    myCalendarUrl(editionId: $editionId)\n  }\n": types.MyCalendarUrlDocument,
    "\n  mutation RotateCalendarToken($editionId: ID!) {\n    rotateCalendarToken(editionId: $editionId)\n  }\n": types.RotateCalendarTokenDocument,
    "\n  mutation SetEmailUpdates($editionId: ID!, $enabled: Boolean!) {\n    setEmailUpdates(editionId: $editionId, enabled: $enabled)\n  }\n": types.SetEmailUpdatesDocument,
    "\n  fragment ProgrammeSessionFields on Session {\n    id\n    title\n    startsAt\n    endsAt\n    format\n    status\n    capacity\n    ceCredits\n    room {\n      id\n      name\n      capacity\n      enforceCapacity\n    }\n    track {\n      id\n      name\n    }\n    speakers {\n      id\n      name\n    }\n  }\n": types.ProgrammeSessionFieldsFragmentDoc,
    "\n  query ProgrammeSession($id: ID!) {\n    session(id: $id) {\n      ...ProgrammeSessionFields\n      seatsTaken\n      abstract\n      cancelReason\n      edition {\n        id\n        name\n        timezone\n      }\n      speakers {\n        id\n        name\n        company\n        jobTitle\n        bio\n      }\n    }\n  }\n": types.ProgrammeSessionDocument,
    "\n  mutation MergeDeviceEntry($sessionId: ID!) {\n    addToSchedule(sessionId: $sessionId) {\n      id\n      status\n    }\n  }\n": types.MergeDeviceEntryDocument,
    "\n  query ProgrammeSchedule($editionId: ID!) {\n    mySchedule(editionId: $editionId) {\n      id\n      status\n      waitlistPosition\n      session {\n        id\n        title\n        startsAt\n        endsAt\n        seatsTaken\n      }\n      conflictsWith {\n        id\n        title\n      }\n    }\n  }\n": types.ProgrammeScheduleDocument,
    "\n  mutation ProgrammeAdd($sessionId: ID!) {\n    addToSchedule(sessionId: $sessionId) {\n      id\n      status\n      waitlistPosition\n      session {\n        id\n        seatsTaken\n      }\n    }\n  }\n": types.ProgrammeAddDocument,
    "\n  mutation ProgrammeRemove($sessionId: ID!) {\n    removeFromSchedule(sessionId: $sessionId)\n  }\n": types.ProgrammeRemoveDocument,
    "\n  query ProgrammeSeats($id: ID!) {\n    session(id: $id) {\n      id\n      seatsTaken\n    }\n  }\n": types.ProgrammeSeatsDocument,
    "\n  mutation AddToSchedule($sessionId: ID!) {\n    addToSchedule(sessionId: $sessionId) {\n      id\n      status\n      waitlistPosition\n    }\n  }\n": types.AddToScheduleDocument,
    "\n  mutation RemoveFromSchedule($sessionId: ID!) {\n    removeFromSchedule(sessionId: $sessionId)\n  }\n": types.RemoveFromScheduleDocument,
    "\n  query ScannerCheckpointStats($checkpointId: ID!) {\n    checkpointStats(checkpointId: $checkpointId) {\n      checkpointId\n      admittedToday\n      insideNow\n      lastQuarterHour\n    }\n  }\n": types.ScannerCheckpointStatsDocument,
    "\n  subscription ScannerCheckpointStatsChanged($checkpointId: ID!) {\n    checkpointStatsChanged(checkpointId: $checkpointId) {\n      checkpointId\n      admittedToday\n      insideNow\n      lastQuarterHour\n    }\n  }\n": types.ScannerCheckpointStatsChangedDocument,
    "\n  query ScannerCheckpoints($editionId: ID!) {\n    checkpoints(editionId: $editionId) {\n      id\n      name\n      kind\n      allowed\n      exitScanning\n      opensAt\n      closesAt\n    }\n  }\n": types.ScannerCheckpointsDocument,
    "\n  fragment ScannerResult on ScanResult {\n    outcome\n    reason\n    rejectReason\n    firstAdmittedAt\n    attendee {\n      id\n      firstName\n      lastName\n      accessLevel\n    }\n    scan {\n      id\n      scannedAt\n      conflict\n      annulledAt\n    }\n  }\n": types.ScannerResultFragmentDoc,
    "\n  mutation ScannerScanBadge($input: ScanInput!) {\n    scanBadge(input: $input) {\n      ...ScannerResult\n    }\n  }\n": types.ScannerScanBadgeDocument,
    "\n  mutation ScannerSyncScans($checkpointId: ID!, $scans: [OfflineScanInput!]!, $deviceId: String, $queued: Int) {\n    syncScans(checkpointId: $checkpointId, scans: $scans, deviceId: $deviceId, queued: $queued) {\n      results {\n        ...ScannerResult\n      }\n    }\n  }\n": types.ScannerSyncScansDocument,
    "\n  mutation ScannerAnnulScan($scanId: ID!, $deviceId: String!) {\n    annulScan(scanId: $scanId, deviceId: $deviceId) {\n      id\n      annulledAt\n    }\n  }\n": types.ScannerAnnulScanDocument,
    "\n  query ScannerDataset($editionId: ID!, $since: String, $after: String, $first: Int) {\n    scannerDataset(editionId: $editionId, since: $since, after: $after, first: $first) {\n      bookmark\n      endCursor\n      hasNextPage\n      keys {\n        kid\n        publicKey\n        retired\n      }\n      roster {\n        badgeId\n        version\n        attendeeId\n        name\n        accessLevel\n        revoked\n      }\n    }\n  }\n": types.ScannerDatasetDocument,
    "\n  query EditionChoice {\n    editions {\n      id\n      name\n      year\n      startsOn\n      endsOn\n      timezone\n    }\n  }\n": types.EditionChoiceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      body\n      createdAt\n      change {\n        id\n        kind\n        session {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      body\n      createdAt\n      change {\n        id\n        kind\n        session {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications {\n    notifications(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          body\n          createdAt\n          readAt\n          change {\n            id\n            kind\n            session {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications {\n    notifications(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          body\n          createdAt\n          readAt\n          change {\n            id\n            kind\n            session {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotifications {\n    notifications(unreadOnly: true, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          body\n          createdAt\n          change {\n            id\n            kind\n            session {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnreadNotifications {\n    notifications(unreadOnly: true, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          body\n          createdAt\n          change {\n            id\n            kind\n            session {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendVerification {\n    resendVerification\n  }\n"): (typeof documents)["\n  mutation ResendVerification {\n    resendVerification\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExhibitorProfile($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n      category\n      sponsorshipTier\n      description\n      website\n      contactEmail\n      contactPhone\n      booths {\n        id\n        code\n        widthM\n        depthM\n        hall {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExhibitorProfile($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n      category\n      sponsorshipTier\n      description\n      website\n      contactEmail\n      contactPhone\n      booths {\n        id\n        code\n        widthM\n        depthM\n        hall {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExhibitorCategories($editionId: ID!) {\n    exhibitorCategories(editionId: $editionId)\n  }\n"): (typeof documents)["\n  query ExhibitorCategories($editionId: ID!) {\n    exhibitorCategories(editionId: $editionId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExhibitorDirectory($editionId: ID!, $search: String, $category: String, $first: Int, $after: String) {\n    exhibitors(editionId: $editionId, search: $search, category: $category, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n          category\n          sponsorshipTier\n          description\n          booths {\n            id\n            code\n            hall {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExhibitorDirectory($editionId: ID!, $search: String, $category: String, $first: Int, $after: String) {\n    exhibitors(editionId: $editionId, search: $search, category: $category, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n          category\n          sponsorshipTier\n          description\n          booths {\n            id\n            code\n            hall {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditionHalls($editionId: ID!) {\n    edition(id: $editionId) {\n      id\n      halls {\n        id\n        name\n        widthM\n        depthM\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditionHalls($editionId: ID!) {\n    edition(id: $editionId) {\n      id\n      halls {\n        id\n        name\n        widthM\n        depthM\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HallBooths($editionId: ID!, $hallId: ID!) {\n    booths(editionId: $editionId, hallId: $hallId) {\n      id\n      code\n      xM\n      yM\n      widthM\n      depthM\n      status\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query HallBooths($editionId: ID!, $hallId: ID!) {\n    booths(editionId: $editionId, hallId: $hallId) {\n      id\n      code\n      xM\n      yM\n      widthM\n      depthM\n      status\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyBadge($editionId: ID!) {\n    myAttendee(editionId: $editionId) {\n      id\n      firstName\n      lastName\n      company\n      accessLevel\n      badge {\n        id\n        status\n        code\n        qrSvg\n        pdfUrl\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyBadge($editionId: ID!) {\n    myAttendee(editionId: $editionId) {\n      id\n      firstName\n      lastName\n      company\n      accessLevel\n      badge {\n        id\n        status\n        code\n        qrSvg\n        pdfUrl\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCredits($editionId: ID!) {\n    myCredits(editionId: $editionId) {\n      total\n      certificateUrl\n      sessions {\n        minutesAttended\n        credits\n        session {\n          id\n          title\n          startsAt\n          endsAt\n          ceCredits\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyCredits($editionId: ID!) {\n    myCredits(editionId: $editionId) {\n      total\n      certificateUrl\n      sessions {\n        minutesAttended\n        credits\n        session {\n          id\n          title\n          startsAt\n          endsAt\n          ceCredits\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgrammeEdition($id: ID!) {\n    edition(id: $id) {\n      id\n      rooms {\n        id\n        name\n      }\n      tracks {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProgrammeEdition($id: ID!) {\n    edition(id: $id) {\n      id\n      rooms {\n        id\n        name\n      }\n      tracks {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgrammeDay($editionId: ID!, $day: String!, $search: String) {\n    sessions(editionId: $editionId, filter: { day: $day, search: $search }, first: 200) {\n      totalCount\n      edges {\n        node {\n          ...ProgrammeSessionFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProgrammeDay($editionId: ID!, $day: String!, $search: String) {\n    sessions(editionId: $editionId, filter: { day: $day, search: $search }, first: 200) {\n      totalCount\n      edges {\n        node {\n          ...ProgrammeSessionFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgrammeDaySeats($editionId: ID!, $day: String!, $search: String) {\n    sessions(editionId: $editionId, filter: { day: $day, search: $search }, first: 200) {\n      totalCount\n      edges {\n        node {\n          id\n          seatsTaken\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProgrammeDaySeats($editionId: ID!, $day: String!, $search: String) {\n    sessions(editionId: $editionId, filter: { day: $day, search: $search }, first: 200) {\n      totalCount\n      edges {\n        node {\n          id\n          seatsTaken\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySchedule($editionId: ID!) {\n    mySchedule(editionId: $editionId) {\n      id\n      status\n      waitlistPosition\n      conflictsWith {\n        id\n        title\n      }\n      session {\n        id\n        title\n        startsAt\n        endsAt\n        status\n        format\n        room {\n          id\n          name\n        }\n        track {\n          id\n          name\n        }\n      }\n    }\n    myAttendee(editionId: $editionId) {\n      id\n      emailUpdates\n    }\n  }\n"): (typeof documents)["\n  query MySchedule($editionId: ID!) {\n    mySchedule(editionId: $editionId) {\n      id\n      status\n      waitlistPosition\n      conflictsWith {\n        id\n        title\n      }\n      session {\n        id\n        title\n        startsAt\n        endsAt\n        status\n        format\n        room {\n          id\n          name\n        }\n        track {\n          id\n          name\n        }\n      }\n    }\n    myAttendee(editionId: $editionId) {\n      id\n      emailUpdates\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCalendarUrl($editionId: ID!) {\n    myCalendarUrl(editionId: $editionId)\n  }\n"): (typeof documents)["\n  query MyCalendarUrl($editionId: ID!) {\n    myCalendarUrl(editionId: $editionId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateCalendarToken($editionId: ID!) {\n    rotateCalendarToken(editionId: $editionId)\n  }\n"): (typeof documents)["\n  mutation RotateCalendarToken($editionId: ID!) {\n    rotateCalendarToken(editionId: $editionId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetEmailUpdates($editionId: ID!, $enabled: Boolean!) {\n    setEmailUpdates(editionId: $editionId, enabled: $enabled)\n  }\n"): (typeof documents)["\n  mutation SetEmailUpdates($editionId: ID!, $enabled: Boolean!) {\n    setEmailUpdates(editionId: $editionId, enabled: $enabled)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProgrammeSessionFields on Session {\n    id\n    title\n    startsAt\n    endsAt\n    format\n    status\n    capacity\n    ceCredits\n    room {\n      id\n      name\n      capacity\n      enforceCapacity\n    }\n    track {\n      id\n      name\n    }\n    speakers {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ProgrammeSessionFields on Session {\n    id\n    title\n    startsAt\n    endsAt\n    format\n    status\n    capacity\n    ceCredits\n    room {\n      id\n      name\n      capacity\n      enforceCapacity\n    }\n    track {\n      id\n      name\n    }\n    speakers {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgrammeSession($id: ID!) {\n    session(id: $id) {\n      ...ProgrammeSessionFields\n      seatsTaken\n      abstract\n      cancelReason\n      edition {\n        id\n        name\n        timezone\n      }\n      speakers {\n        id\n        name\n        company\n        jobTitle\n        bio\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProgrammeSession($id: ID!) {\n    session(id: $id) {\n      ...ProgrammeSessionFields\n      seatsTaken\n      abstract\n      cancelReason\n      edition {\n        id\n        name\n        timezone\n      }\n      speakers {\n        id\n        name\n        company\n        jobTitle\n        bio\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeDeviceEntry($sessionId: ID!) {\n    addToSchedule(sessionId: $sessionId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation MergeDeviceEntry($sessionId: ID!) {\n    addToSchedule(sessionId: $sessionId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgrammeSchedule($editionId: ID!) {\n    mySchedule(editionId: $editionId) {\n      id\n      status\n      waitlistPosition\n      session {\n        id\n        title\n        startsAt\n        endsAt\n        seatsTaken\n      }\n      conflictsWith {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProgrammeSchedule($editionId: ID!) {\n    mySchedule(editionId: $editionId) {\n      id\n      status\n      waitlistPosition\n      session {\n        id\n        title\n        startsAt\n        endsAt\n        seatsTaken\n      }\n      conflictsWith {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProgrammeAdd($sessionId: ID!) {\n    addToSchedule(sessionId: $sessionId) {\n      id\n      status\n      waitlistPosition\n      session {\n        id\n        seatsTaken\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ProgrammeAdd($sessionId: ID!) {\n    addToSchedule(sessionId: $sessionId) {\n      id\n      status\n      waitlistPosition\n      session {\n        id\n        seatsTaken\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProgrammeRemove($sessionId: ID!) {\n    removeFromSchedule(sessionId: $sessionId)\n  }\n"): (typeof documents)["\n  mutation ProgrammeRemove($sessionId: ID!) {\n    removeFromSchedule(sessionId: $sessionId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgrammeSeats($id: ID!) {\n    session(id: $id) {\n      id\n      seatsTaken\n    }\n  }\n"): (typeof documents)["\n  query ProgrammeSeats($id: ID!) {\n    session(id: $id) {\n      id\n      seatsTaken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddToSchedule($sessionId: ID!) {\n    addToSchedule(sessionId: $sessionId) {\n      id\n      status\n      waitlistPosition\n    }\n  }\n"): (typeof documents)["\n  mutation AddToSchedule($sessionId: ID!) {\n    addToSchedule(sessionId: $sessionId) {\n      id\n      status\n      waitlistPosition\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveFromSchedule($sessionId: ID!) {\n    removeFromSchedule(sessionId: $sessionId)\n  }\n"): (typeof documents)["\n  mutation RemoveFromSchedule($sessionId: ID!) {\n    removeFromSchedule(sessionId: $sessionId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScannerCheckpointStats($checkpointId: ID!) {\n    checkpointStats(checkpointId: $checkpointId) {\n      checkpointId\n      admittedToday\n      insideNow\n      lastQuarterHour\n    }\n  }\n"): (typeof documents)["\n  query ScannerCheckpointStats($checkpointId: ID!) {\n    checkpointStats(checkpointId: $checkpointId) {\n      checkpointId\n      admittedToday\n      insideNow\n      lastQuarterHour\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ScannerCheckpointStatsChanged($checkpointId: ID!) {\n    checkpointStatsChanged(checkpointId: $checkpointId) {\n      checkpointId\n      admittedToday\n      insideNow\n      lastQuarterHour\n    }\n  }\n"): (typeof documents)["\n  subscription ScannerCheckpointStatsChanged($checkpointId: ID!) {\n    checkpointStatsChanged(checkpointId: $checkpointId) {\n      checkpointId\n      admittedToday\n      insideNow\n      lastQuarterHour\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScannerCheckpoints($editionId: ID!) {\n    checkpoints(editionId: $editionId) {\n      id\n      name\n      kind\n      allowed\n      exitScanning\n      opensAt\n      closesAt\n    }\n  }\n"): (typeof documents)["\n  query ScannerCheckpoints($editionId: ID!) {\n    checkpoints(editionId: $editionId) {\n      id\n      name\n      kind\n      allowed\n      exitScanning\n      opensAt\n      closesAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScannerResult on ScanResult {\n    outcome\n    reason\n    rejectReason\n    firstAdmittedAt\n    attendee {\n      id\n      firstName\n      lastName\n      accessLevel\n    }\n    scan {\n      id\n      scannedAt\n      conflict\n      annulledAt\n    }\n  }\n"): (typeof documents)["\n  fragment ScannerResult on ScanResult {\n    outcome\n    reason\n    rejectReason\n    firstAdmittedAt\n    attendee {\n      id\n      firstName\n      lastName\n      accessLevel\n    }\n    scan {\n      id\n      scannedAt\n      conflict\n      annulledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScannerScanBadge($input: ScanInput!) {\n    scanBadge(input: $input) {\n      ...ScannerResult\n    }\n  }\n"): (typeof documents)["\n  mutation ScannerScanBadge($input: ScanInput!) {\n    scanBadge(input: $input) {\n      ...ScannerResult\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScannerSyncScans($checkpointId: ID!, $scans: [OfflineScanInput!]!, $deviceId: String, $queued: Int) {\n    syncScans(checkpointId: $checkpointId, scans: $scans, deviceId: $deviceId, queued: $queued) {\n      results {\n        ...ScannerResult\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ScannerSyncScans($checkpointId: ID!, $scans: [OfflineScanInput!]!, $deviceId: String, $queued: Int) {\n    syncScans(checkpointId: $checkpointId, scans: $scans, deviceId: $deviceId, queued: $queued) {\n      results {\n        ...ScannerResult\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScannerAnnulScan($scanId: ID!, $deviceId: String!) {\n    annulScan(scanId: $scanId, deviceId: $deviceId) {\n      id\n      annulledAt\n    }\n  }\n"): (typeof documents)["\n  mutation ScannerAnnulScan($scanId: ID!, $deviceId: String!) {\n    annulScan(scanId: $scanId, deviceId: $deviceId) {\n      id\n      annulledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScannerDataset($editionId: ID!, $since: String, $after: String, $first: Int) {\n    scannerDataset(editionId: $editionId, since: $since, after: $after, first: $first) {\n      bookmark\n      endCursor\n      hasNextPage\n      keys {\n        kid\n        publicKey\n        retired\n      }\n      roster {\n        badgeId\n        version\n        attendeeId\n        name\n        accessLevel\n        revoked\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScannerDataset($editionId: ID!, $since: String, $after: String, $first: Int) {\n    scannerDataset(editionId: $editionId, since: $since, after: $after, first: $first) {\n      bookmark\n      endCursor\n      hasNextPage\n      keys {\n        kid\n        publicKey\n        retired\n      }\n      roster {\n        badgeId\n        version\n        attendeeId\n        name\n        accessLevel\n        revoked\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditionChoice {\n    editions {\n      id\n      name\n      year\n      startsOn\n      endsOn\n      timezone\n    }\n  }\n"): (typeof documents)["\n  query EditionChoice {\n    editions {\n      id\n      name\n      year\n      startsOn\n      endsOn\n      timezone\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;