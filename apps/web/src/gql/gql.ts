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
    "\n  query AdminAttendee($id: ID!) {\n    attendee(id: $id) {\n      id\n      firstName\n      lastName\n      email\n      company\n      jobTitle\n      accessLevel\n      checkedInAt\n      emailUpdates\n      badge {\n        id\n        status\n        version\n        pdfUrl\n        qrSvg\n      }\n      scans(first: 50) {\n        id\n        scannedAt\n        checkpointName\n        outcome\n        reason\n        direction\n        annulledAt\n      }\n      credits {\n        total\n        sessions {\n          credits\n          minutesAttended\n          session {\n            id\n            title\n            startsAt\n          }\n        }\n      }\n      schedule {\n        id\n        status\n        waitlistPosition\n        session {\n          id\n          title\n          startsAt\n          endsAt\n          ceCredits\n          room {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminAttendeeDocument,
    "\n  fragment AdminBadgeState on Badge {\n    id\n    status\n    version\n  }\n": typeof types.AdminBadgeStateFragmentDoc,
    "\n  mutation AdminIssueBadge($attendeeId: ID!) {\n    issueBadge(attendeeId: $attendeeId) {\n      ...AdminBadgeState\n    }\n  }\n": typeof types.AdminIssueBadgeDocument,
    "\n  mutation AdminReissueBadge($attendeeId: ID!) {\n    reissueBadge(attendeeId: $attendeeId) {\n      ...AdminBadgeState\n    }\n  }\n": typeof types.AdminReissueBadgeDocument,
    "\n  mutation AdminRevokeBadge($attendeeId: ID!) {\n    revokeBadge(attendeeId: $attendeeId) {\n      ...AdminBadgeState\n    }\n  }\n": typeof types.AdminRevokeBadgeDocument,
    "\n  query AdminAttendees($editionId: ID!, $filter: AttendeeFilter, $first: Int, $after: String) {\n    attendees(editionId: $editionId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          email\n          company\n          accessLevel\n          checkedInAt\n          badge {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminAttendeesDocument,
    "\n  query AdminBadgeCounts($editionId: ID!) {\n    none: attendees(editionId: $editionId, filter: { badgeStatus: NONE }, first: 1) {\n      totalCount\n    }\n    pending: attendees(editionId: $editionId, filter: { badgeStatus: PENDING }, first: 1) {\n      totalCount\n    }\n    active: attendees(editionId: $editionId, filter: { badgeStatus: ACTIVE }, first: 1) {\n      totalCount\n    }\n    revoked: attendees(editionId: $editionId, filter: { badgeStatus: REVOKED }, first: 1) {\n      totalCount\n    }\n  }\n": typeof types.AdminBadgeCountsDocument,
    "\n  mutation AdminGenerateBadges($editionId: ID!) {\n    generateBadges(editionId: $editionId) {\n      id\n      state\n      total\n      done\n      failed\n    }\n  }\n": typeof types.AdminGenerateBadgesDocument,
    "\n  fragment AdminBadgeBatchFields on BadgeBatch {\n    id\n    state\n    total\n    done\n    failed\n    failures {\n      attendeeId\n      badgeId\n      reason\n    }\n  }\n": typeof types.AdminBadgeBatchFieldsFragmentDoc,
    "\n  query AdminBadgeBatch($id: ID!) {\n    badgeBatch(id: $id) {\n      ...AdminBadgeBatchFields\n    }\n  }\n": typeof types.AdminBadgeBatchDocument,
    "\n  subscription AdminBadgeBatchProgress($batchId: ID!) {\n    badgeBatchProgress(batchId: $batchId) {\n      ...AdminBadgeBatchFields\n    }\n  }\n": typeof types.AdminBadgeBatchProgressDocument,
    "\n  query AdminPrintSheet(\n    $editionId: ID!\n    $accessLevel: AccessLevel\n    $batchId: ID\n    $lastNameFrom: String\n    $lastNameTo: String\n  ) {\n    badgePrintSheetUrl(\n      editionId: $editionId\n      accessLevel: $accessLevel\n      batchId: $batchId\n      lastNameFrom: $lastNameFrom\n      lastNameTo: $lastNameTo\n    )\n  }\n": typeof types.AdminPrintSheetDocument,
    "\n  query AdminBadgeKeys($editionId: ID!) {\n    badgeVerificationKeys(editionId: $editionId) {\n      kid\n      algorithm\n    }\n  }\n": typeof types.AdminBadgeKeysDocument,
    "\n  mutation AdminRotateBadgeKey($editionId: ID!) {\n    rotateBadgeKey(editionId: $editionId) {\n      kid\n      algorithm\n    }\n  }\n": typeof types.AdminRotateBadgeKeyDocument,
    "\n  mutation AdminRetireBadgeKey($editionId: ID!, $kid: String!) {\n    retireBadgeKey(editionId: $editionId, kid: $kid)\n  }\n": typeof types.AdminRetireBadgeKeyDocument,
    "\n  mutation AdminImportBooths($editionId: ID!, $rows: [BoothImportRow!]!) {\n    importBooths(editionId: $editionId, rows: $rows) {\n      created\n      updated\n      unchanged\n      refused\n      rows {\n        row\n        code\n        outcome\n        reason\n        boothId\n      }\n    }\n  }\n": typeof types.AdminImportBoothsDocument,
    "\n  query AdminBoothHistory($boothId: ID!) {\n    boothHistory(boothId: $boothId) {\n      id\n      at\n      actor\n      fromStatus\n      toStatus\n      fromExhibitorId\n      toExhibitorId\n    }\n  }\n": typeof types.AdminBoothHistoryDocument,
    "\n  mutation AdminHoldBooth($boothId: ID!, $exhibitorId: ID!, $until: DateTime!) {\n    holdBooth(boothId: $boothId, exhibitorId: $exhibitorId, until: $until) {\n      ...AdminBoothFields\n    }\n  }\n": typeof types.AdminHoldBoothDocument,
    "\n  mutation AdminAssignBooth($boothId: ID!, $exhibitorId: ID!) {\n    assignBooth(boothId: $boothId, exhibitorId: $exhibitorId) {\n      ...AdminBoothFields\n    }\n  }\n": typeof types.AdminAssignBoothDocument,
    "\n  mutation AdminReleaseBooth($boothId: ID!) {\n    releaseBooth(boothId: $boothId) {\n      ...AdminBoothFields\n    }\n  }\n": typeof types.AdminReleaseBoothDocument,
    "\n  mutation AdminMoveBooth($boothId: ID!, $toBoothId: ID!) {\n    moveBooth(boothId: $boothId, toBoothId: $toBoothId) {\n      ...AdminBoothFields\n    }\n  }\n": typeof types.AdminMoveBoothDocument,
    "\n  fragment AdminEditionFields on Edition {\n    id\n    name\n    year\n    startsOn\n    endsOn\n    timezone\n    venue\n  }\n": typeof types.AdminEditionFieldsFragmentDoc,
    "\n  mutation AdminCreateEdition($input: EditionInput!) {\n    createEdition(input: $input) {\n      ...AdminEditionFields\n    }\n  }\n": typeof types.AdminCreateEditionDocument,
    "\n  query AdminCheckpointStats($checkpointId: ID!) {\n    checkpointStats(checkpointId: $checkpointId) {\n      ...DoorStatsFields\n    }\n    admissionsSeries(checkpointId: $checkpointId) {\n      at\n      admitted\n    }\n    failed: recentScans(checkpointId: $checkpointId, outcome: REJECTED, first: 8) {\n      id\n      outcome\n      reason\n      rejectReason\n      deviceId\n      scannedAt\n      late\n    }\n    conflicts: recentScans(checkpointId: $checkpointId, conflictsOnly: true, first: 8) {\n      id\n      outcome\n      reason\n      deviceId\n      scannedAt\n    }\n  }\n": typeof types.AdminCheckpointStatsDocument,
    "\n  fragment DoorStatsFields on CheckpointStats {\n    checkpointId\n    admitted\n    duplicates\n    rejected\n    uniqueAttendees\n    admittedToday\n    insideNow\n    lastQuarterHour\n    devices {\n      deviceId\n      scans\n      admitted\n      lastSeenAt\n      queued\n    }\n  }\n": typeof types.DoorStatsFieldsFragmentDoc,
    "\n  subscription AdminCheckpointStatsChanged($checkpointId: ID!) {\n    checkpointStatsChanged(checkpointId: $checkpointId) {\n      ...DoorStatsFields\n    }\n  }\n": typeof types.AdminCheckpointStatsChangedDocument,
    "\n  query AdminCheckpoints($editionId: ID!) {\n    checkpoints(editionId: $editionId) {\n      id\n      name\n      kind\n      allowed\n      opensAt\n      closesAt\n      exitScanning\n      session {\n        id\n        title\n      }\n    }\n  }\n": typeof types.AdminCheckpointsDocument,
    "\n  query AdminVenueStats($editionId: ID!) {\n    venueStats(editionId: $editionId) {\n      day\n      uniqueAttendees\n    }\n  }\n": typeof types.AdminVenueStatsDocument,
    "\n  query AdminCheckpointSessions($editionId: ID!) {\n    sessions(editionId: $editionId, first: 200) {\n      edges {\n        node {\n          id\n          title\n          startsAt\n        }\n      }\n    }\n  }\n": typeof types.AdminCheckpointSessionsDocument,
    "\n  mutation AdminCreateCheckpoint($editionId: ID!, $input: CheckpointInput!) {\n    createCheckpoint(editionId: $editionId, input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateCheckpointDocument,
    "\n  mutation AdminUpdateCheckpoint($id: ID!, $input: CheckpointPatch!) {\n    updateCheckpoint(id: $id, input: $input) {\n      id\n      name\n      allowed\n      opensAt\n      closesAt\n      exitScanning\n    }\n  }\n": typeof types.AdminUpdateCheckpointDocument,
    "\n  fragment AdminRoomFields on Room {\n    id\n    name\n    capacity\n    enforceCapacity\n  }\n": typeof types.AdminRoomFieldsFragmentDoc,
    "\n  fragment AdminTrackFields on Track {\n    id\n    name\n    colour\n  }\n": typeof types.AdminTrackFieldsFragmentDoc,
    "\n  query AdminEdition($id: ID!) {\n    edition(id: $id) {\n      ...AdminEditionFields\n      rooms {\n        ...AdminRoomFields\n      }\n      tracks {\n        ...AdminTrackFields\n      }\n    }\n    editionRoles(editionId: $id) {\n      email\n      role\n      exhibitorId\n      grantedAt\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AdminEditionDocument,
    "\n  mutation AdminUpdateEdition($id: ID!, $input: EditionPatch!) {\n    updateEdition(id: $id, input: $input) {\n      ...AdminEditionFields\n    }\n  }\n": typeof types.AdminUpdateEditionDocument,
    "\n  mutation AdminCreateRoom($editionId: ID!, $input: RoomInput!) {\n    createRoom(editionId: $editionId, input: $input) {\n      ...AdminRoomFields\n    }\n  }\n": typeof types.AdminCreateRoomDocument,
    "\n  mutation AdminUpdateRoom($id: ID!, $input: RoomPatch!) {\n    updateRoom(id: $id, input: $input) {\n      ...AdminRoomFields\n    }\n  }\n": typeof types.AdminUpdateRoomDocument,
    "\n  mutation AdminCreateTrack($editionId: ID!, $name: String!, $colour: String) {\n    createTrack(editionId: $editionId, name: $name, colour: $colour) {\n      ...AdminTrackFields\n    }\n  }\n": typeof types.AdminCreateTrackDocument,
    "\n  mutation AdminUpdateTrack($id: ID!, $name: String, $colour: String) {\n    updateTrack(id: $id, name: $name, colour: $colour) {\n      ...AdminTrackFields\n    }\n  }\n": typeof types.AdminUpdateTrackDocument,
    "\n  mutation AdminGrantRole($editionId: ID!, $email: String!, $role: Role!) {\n    grantRole(editionId: $editionId, email: $email, role: $role)\n  }\n": typeof types.AdminGrantRoleDocument,
    "\n  mutation AdminRevokeRole($editionId: ID!, $email: String!, $role: Role!, $exhibitorId: ID) {\n    revokeRole(editionId: $editionId, email: $email, role: $role, exhibitorId: $exhibitorId)\n  }\n": typeof types.AdminRevokeRoleDocument,
    "\n  query AdminExpo($editionId: ID!) {\n    edition(id: $editionId) {\n      id\n      boothSelectionOpen\n      halls {\n        id\n        name\n        widthM\n        depthM\n      }\n    }\n  }\n": typeof types.AdminExpoDocument,
    "\n  query AdminBooths($editionId: ID!) {\n    booths(editionId: $editionId) {\n      ...AdminBoothFields\n    }\n  }\n": typeof types.AdminBoothsDocument,
    "\n  fragment AdminBoothFields on Booth {\n    id\n    code\n    xM\n    yM\n    widthM\n    depthM\n    areaM2\n    type\n    status\n    holdExpiresAt\n    requestedAt\n    hall {\n      id\n      name\n    }\n    exhibitor {\n      id\n      name\n    }\n  }\n": typeof types.AdminBoothFieldsFragmentDoc,
    "\n  query AdminExhibitorNames($editionId: ID!) {\n    exhibitors(editionId: $editionId, first: 200) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AdminExhibitorNamesDocument,
    "\n  mutation AdminCreateHall($editionId: ID!, $input: HallInput!) {\n    createHall(editionId: $editionId, input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateHallDocument,
    "\n  mutation AdminSetBoothSelection($editionId: ID!, $open: Boolean!) {\n    setBoothSelection(editionId: $editionId, open: $open) {\n      id\n      boothSelectionOpen\n    }\n  }\n": typeof types.AdminSetBoothSelectionDocument,
    "\n  mutation AdminApproveBooth($boothId: ID!, $exhibitorId: ID!) {\n    assignBooth(boothId: $boothId, exhibitorId: $exhibitorId) {\n      ...AdminBoothFields\n    }\n  }\n": typeof types.AdminApproveBoothDocument,
    "\n  query AdminExhibitorsPage($editionId: ID!, $search: String, $after: String) {\n    exhibitors(editionId: $editionId, search: $search, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n          sponsorshipTier\n          booths {\n            id\n            code\n            status\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminExhibitorsPageDocument,
    "\n  query AdminStaffAllotment($exhibitorId: ID!) {\n    staffAllotment(exhibitorId: $exhibitorId) {\n      allotted\n      used\n      overridden\n    }\n  }\n": typeof types.AdminStaffAllotmentDocument,
    "\n  mutation AdminSetStaffAllotment($exhibitorId: ID!, $places: Int) {\n    setStaffAllotment(exhibitorId: $exhibitorId, places: $places) {\n      allotted\n      used\n      overridden\n    }\n  }\n": typeof types.AdminSetStaffAllotmentDocument,
    "\n  query AdminWebhooks($editionId: ID!) {\n    webhooks(editionId: $editionId) {\n      id\n      url\n      events\n      active\n      createdAt\n    }\n  }\n": typeof types.AdminWebhooksDocument,
    "\n  mutation AdminCreateWebhook($editionId: ID!, $input: WebhookInput!) {\n    createWebhook(editionId: $editionId, input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateWebhookDocument,
    "\n  mutation AdminDeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": typeof types.AdminDeleteWebhookDocument,
    "\n  query AdminWebhookDeliveries($webhookId: ID!) {\n    webhookDeliveries(webhookId: $webhookId, first: 20) {\n      id\n      event\n      eventId\n      state\n      attempts\n      lastStatus\n      lastError\n      createdAt\n      deliveredAt\n    }\n  }\n": typeof types.AdminWebhookDeliveriesDocument,
    "\n  mutation AdminRetryDelivery($id: ID!) {\n    retryWebhookDelivery(id: $id) {\n      id\n      state\n      attempts\n      lastStatus\n      lastError\n      deliveredAt\n    }\n  }\n": typeof types.AdminRetryDeliveryDocument,
    "\n  query AdminScheduleChangeLog($editionId: ID!, $after: String) {\n    scheduleChangeLog(editionId: $editionId, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          createdAt\n          kinds\n          summary\n          notifiedCount\n          session {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminScheduleChangeLogDocument,
    "\n  mutation AdminCreateSession($editionId: ID!, $input: SessionInput!) {\n    createSession(editionId: $editionId, input: $input) {\n      ...AdminSessionFields\n    }\n  }\n": typeof types.AdminCreateSessionDocument,
    "\n  mutation AdminPublishSession($id: ID!) {\n    publishSession(id: $id) {\n      ...AdminSessionFields\n    }\n  }\n": typeof types.AdminPublishSessionDocument,
    "\n  mutation AdminCancelSession($id: ID!, $reason: String!) {\n    cancelSession(id: $id, reason: $reason) {\n      ...AdminSessionFields\n    }\n  }\n": typeof types.AdminCancelSessionDocument,
    "\n  mutation AdminDeleteSession($id: ID!) {\n    deleteSession(id: $id)\n  }\n": typeof types.AdminDeleteSessionDocument,
    "\n  query AdminSpeakers($editionId: ID!, $search: String, $after: String) {\n    speakers(editionId: $editionId, search: $search, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n          company\n          jobTitle\n          bio\n          sessions {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminSpeakersDocument,
    "\n  mutation AdminCreateSpeaker($editionId: ID!, $input: SpeakerInput!) {\n    createSpeaker(editionId: $editionId, input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.AdminCreateSpeakerDocument,
    "\n  mutation AdminUpdateSpeaker($id: ID!, $input: SpeakerInput!) {\n    updateSpeaker(id: $id, input: $input) {\n      id\n      name\n      company\n      jobTitle\n      bio\n    }\n  }\n": typeof types.AdminUpdateSpeakerDocument,
    "\n  query AdminProgrammeEdition($id: ID!) {\n    edition(id: $id) {\n      id\n      timezone\n      startsOn\n      endsOn\n      rooms {\n        id\n        name\n        capacity\n      }\n      tracks {\n        id\n        name\n        colour\n      }\n    }\n  }\n": typeof types.AdminProgrammeEditionDocument,
    "\n  fragment AdminSessionFields on Session {\n    id\n    title\n    abstract\n    format\n    status\n    startsAt\n    endsAt\n    capacity\n    ceCredits\n    cancelReason\n    seatsTaken\n    room {\n      id\n      name\n    }\n    track {\n      id\n      name\n      colour\n    }\n    speakers {\n      id\n      name\n    }\n    attendance {\n      reserved\n      waitlisted\n      bookmarked\n    }\n  }\n": typeof types.AdminSessionFieldsFragmentDoc,
    "\n  query AdminProgrammeDay($editionId: ID!, $day: String!) {\n    sessions(editionId: $editionId, filter: { day: $day }, first: 200) {\n      totalCount\n      edges {\n        node {\n          ...AdminSessionFields\n        }\n      }\n    }\n  }\n": typeof types.AdminProgrammeDayDocument,
    "\n  query AdminSpeakerChoices($editionId: ID!, $search: String) {\n    speakers(editionId: $editionId, search: $search, first: 50) {\n      edges {\n        node {\n          id\n          name\n          company\n        }\n      }\n    }\n  }\n": typeof types.AdminSpeakerChoicesDocument,
    "\n  mutation AdminUpdateSession($id: ID!, $patch: SessionPatch!) {\n    updateSession(id: $id, patch: $patch) {\n      ...AdminSessionFields\n    }\n  }\n": typeof types.AdminUpdateSessionDocument,
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
    "\n  query MyRoles($editionId: ID!) {\n    myRoles(editionId: $editionId)\n  }\n": typeof types.MyRolesDocument,
    "\n  query ExhibitorProfile($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n      category\n      sponsorshipTier\n      description\n      website\n      contactEmail\n      contactPhone\n      booths {\n        id\n        code\n        widthM\n        depthM\n        hall {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ExhibitorProfileDocument,
    "\n  query ExhibitorCategories($editionId: ID!) {\n    exhibitorCategories(editionId: $editionId)\n  }\n": typeof types.ExhibitorCategoriesDocument,
    "\n  query ExhibitorDirectory($editionId: ID!, $search: String, $category: String, $first: Int, $after: String) {\n    exhibitors(editionId: $editionId, search: $search, category: $category, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n          category\n          sponsorshipTier\n          description\n          logoUrl\n          booths {\n            id\n            code\n            hall {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ExhibitorDirectoryDocument,
    "\n  query EditionHalls($editionId: ID!) {\n    edition(id: $editionId) {\n      id\n      halls {\n        id\n        name\n        widthM\n        depthM\n      }\n    }\n  }\n": typeof types.EditionHallsDocument,
    "\n  query HallBooths($editionId: ID!, $hallId: ID!) {\n    booths(editionId: $editionId, hallId: $hallId) {\n      id\n      code\n      xM\n      yM\n      widthM\n      depthM\n      status\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n": typeof types.HallBoothsDocument,
    "\n  query LeadFigures($exhibitorId: ID!) {\n    leadFigures(exhibitorId: $exhibitorId) {\n      total\n      perDay {\n        day\n        count\n      }\n      perStaff {\n        email\n        count\n      }\n    }\n  }\n": typeof types.LeadFiguresDocument,
    "\n  query LeadExhibitors($editionId: ID) {\n    myExhibitors(editionId: $editionId) {\n      admin\n      exhibitor {\n        id\n        name\n        leadTags\n      }\n    }\n  }\n": typeof types.LeadExhibitorsDocument,
    "\n  query LeadExhibitorById($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n      leadTags\n    }\n  }\n": typeof types.LeadExhibitorByIdDocument,
    "\n  query LeadsTable(\n    $exhibitorId: ID!\n    $first: Int\n    $after: String\n    $search: String\n    $rating: Int\n    $tag: String\n    $capturedBy: String\n    $orderBy: LeadOrder\n  ) {\n    leads(\n      exhibitorId: $exhibitorId\n      first: $first\n      after: $after\n      search: $search\n      rating: $rating\n      tag: $tag\n      capturedBy: $capturedBy\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...LeadFields\n        }\n      }\n    }\n  }\n": typeof types.LeadsTableDocument,
    "\n  query LeadsCsvUrl($exhibitorId: ID!) {\n    leadsCsvUrl(exhibitorId: $exhibitorId)\n  }\n": typeof types.LeadsCsvUrlDocument,
    "\n  fragment LeadFields on Lead {\n    id\n    capturedAt\n    capturedBy\n    notes\n    rating\n    tags\n    contactHidden\n    attendee {\n      id\n      firstName\n      lastName\n      company\n      jobTitle\n      email\n    }\n  }\n": typeof types.LeadFieldsFragmentDoc,
    "\n  mutation CaptureLead($input: LeadInput!) {\n    captureLead(input: $input) {\n      ...LeadFields\n    }\n  }\n": typeof types.CaptureLeadDocument,
    "\n  mutation UpdateLead($id: ID!, $notes: String, $rating: Int, $tags: [String!]) {\n    updateLead(id: $id, notes: $notes, rating: $rating, tags: $tags) {\n      ...LeadFields\n    }\n  }\n": typeof types.UpdateLeadDocument,
    "\n  mutation SyncLeads($exhibitorId: ID!, $scans: [OfflineLeadInput!]!) {\n    syncLeads(exhibitorId: $exhibitorId, scans: $scans) {\n      ok\n      reason\n      lead {\n        ...LeadFields\n      }\n    }\n  }\n": typeof types.SyncLeadsDocument,
    "\n  query PortalBooth($id: ID!, $editionId: ID!) {\n    edition(id: $editionId) {\n      id\n      boothSelectionOpen\n      halls {\n        id\n        name\n        widthM\n        depthM\n      }\n    }\n    exhibitor(id: $id) {\n      id\n      booths {\n        id\n        code\n        widthM\n        depthM\n        areaM2\n        type\n        status\n        holdExpiresAt\n        requestedAt\n        hall {\n          id\n          name\n          widthM\n          depthM\n        }\n      }\n    }\n  }\n": typeof types.PortalBoothDocument,
    "\n  query PortalHallBooths($editionId: ID!, $hallId: ID!) {\n    booths(editionId: $editionId, hallId: $hallId) {\n      id\n      code\n      xM\n      yM\n      widthM\n      depthM\n      areaM2\n      type\n      status\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n": typeof types.PortalHallBoothsDocument,
    "\n  mutation RequestBooth($boothId: ID!, $exhibitorId: ID!) {\n    requestBooth(boothId: $boothId, exhibitorId: $exhibitorId) {\n      id\n      code\n      status\n      holdExpiresAt\n      requestedAt\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RequestBoothDocument,
    "\n  query PortalMemberships($editionId: ID!) {\n    myExhibitors(editionId: $editionId) {\n      admin\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n": typeof types.PortalMembershipsDocument,
    "\n  query PortalOrganizerAccess($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n    }\n    staffAllotment(exhibitorId: $id) {\n      allotted\n      used\n    }\n  }\n": typeof types.PortalOrganizerAccessDocument,
    "\n  query PortalProfile($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n      description\n      category\n      website\n      contactEmail\n      contactPhone\n      sponsorshipTier\n      leadExportAdminsOnly\n      leadTags\n      logoUrl\n      booths {\n        id\n        code\n        hall {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PortalProfileDocument,
    "\n  mutation UpdateExhibitorProfile($id: ID!, $input: ExhibitorInput!) {\n    updateExhibitor(id: $id, input: $input) {\n      id\n      name\n      description\n      category\n      website\n      contactEmail\n      contactPhone\n      sponsorshipTier\n      leadExportAdminsOnly\n    }\n  }\n": typeof types.UpdateExhibitorProfileDocument,
    "\n  mutation SetLeadTags($exhibitorId: ID!, $tags: [String!]!) {\n    setLeadTags(exhibitorId: $exhibitorId, tags: $tags) {\n      id\n      leadTags\n    }\n  }\n": typeof types.SetLeadTagsDocument,
    "\n  query PortalStaff($id: ID!) {\n    exhibitorStaff(exhibitorId: $id) {\n      email\n      admin\n    }\n    staffAllotment(exhibitorId: $id) {\n      allotted\n      used\n      overridden\n    }\n  }\n": typeof types.PortalStaffDocument,
    "\n  mutation AddExhibitorStaff($exhibitorId: ID!, $email: String!, $admin: Boolean) {\n    addExhibitorStaff(exhibitorId: $exhibitorId, email: $email, admin: $admin) {\n      email\n      admin\n    }\n  }\n": typeof types.AddExhibitorStaffDocument,
    "\n  mutation RemoveExhibitorStaff($exhibitorId: ID!, $email: String!) {\n    removeExhibitorStaff(exhibitorId: $exhibitorId, email: $email) {\n      email\n      admin\n    }\n  }\n": typeof types.RemoveExhibitorStaffDocument,
    "\n  mutation SetStaffAllotment($exhibitorId: ID!, $places: Int) {\n    setStaffAllotment(exhibitorId: $exhibitorId, places: $places) {\n      allotted\n      used\n      overridden\n    }\n  }\n": typeof types.SetStaffAllotmentDocument,
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
    "\n  query AdminAttendee($id: ID!) {\n    attendee(id: $id) {\n      id\n      firstName\n      lastName\n      email\n      company\n      jobTitle\n      accessLevel\n      checkedInAt\n      emailUpdates\n      badge {\n        id\n        status\n        version\n        pdfUrl\n        qrSvg\n      }\n      scans(first: 50) {\n        id\n        scannedAt\n        checkpointName\n        outcome\n        reason\n        direction\n        annulledAt\n      }\n      credits {\n        total\n        sessions {\n          credits\n          minutesAttended\n          session {\n            id\n            title\n            startsAt\n          }\n        }\n      }\n      schedule {\n        id\n        status\n        waitlistPosition\n        session {\n          id\n          title\n          startsAt\n          endsAt\n          ceCredits\n          room {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AdminAttendeeDocument,
    "\n  fragment AdminBadgeState on Badge {\n    id\n    status\n    version\n  }\n": types.AdminBadgeStateFragmentDoc,
    "\n  mutation AdminIssueBadge($attendeeId: ID!) {\n    issueBadge(attendeeId: $attendeeId) {\n      ...AdminBadgeState\n    }\n  }\n": types.AdminIssueBadgeDocument,
    "\n  mutation AdminReissueBadge($attendeeId: ID!) {\n    reissueBadge(attendeeId: $attendeeId) {\n      ...AdminBadgeState\n    }\n  }\n": types.AdminReissueBadgeDocument,
    "\n  mutation AdminRevokeBadge($attendeeId: ID!) {\n    revokeBadge(attendeeId: $attendeeId) {\n      ...AdminBadgeState\n    }\n  }\n": types.AdminRevokeBadgeDocument,
    "\n  query AdminAttendees($editionId: ID!, $filter: AttendeeFilter, $first: Int, $after: String) {\n    attendees(editionId: $editionId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          email\n          company\n          accessLevel\n          checkedInAt\n          badge {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n": types.AdminAttendeesDocument,
    "\n  query AdminBadgeCounts($editionId: ID!) {\n    none: attendees(editionId: $editionId, filter: { badgeStatus: NONE }, first: 1) {\n      totalCount\n    }\n    pending: attendees(editionId: $editionId, filter: { badgeStatus: PENDING }, first: 1) {\n      totalCount\n    }\n    active: attendees(editionId: $editionId, filter: { badgeStatus: ACTIVE }, first: 1) {\n      totalCount\n    }\n    revoked: attendees(editionId: $editionId, filter: { badgeStatus: REVOKED }, first: 1) {\n      totalCount\n    }\n  }\n": types.AdminBadgeCountsDocument,
    "\n  mutation AdminGenerateBadges($editionId: ID!) {\n    generateBadges(editionId: $editionId) {\n      id\n      state\n      total\n      done\n      failed\n    }\n  }\n": types.AdminGenerateBadgesDocument,
    "\n  fragment AdminBadgeBatchFields on BadgeBatch {\n    id\n    state\n    total\n    done\n    failed\n    failures {\n      attendeeId\n      badgeId\n      reason\n    }\n  }\n": types.AdminBadgeBatchFieldsFragmentDoc,
    "\n  query AdminBadgeBatch($id: ID!) {\n    badgeBatch(id: $id) {\n      ...AdminBadgeBatchFields\n    }\n  }\n": types.AdminBadgeBatchDocument,
    "\n  subscription AdminBadgeBatchProgress($batchId: ID!) {\n    badgeBatchProgress(batchId: $batchId) {\n      ...AdminBadgeBatchFields\n    }\n  }\n": types.AdminBadgeBatchProgressDocument,
    "\n  query AdminPrintSheet(\n    $editionId: ID!\n    $accessLevel: AccessLevel\n    $batchId: ID\n    $lastNameFrom: String\n    $lastNameTo: String\n  ) {\n    badgePrintSheetUrl(\n      editionId: $editionId\n      accessLevel: $accessLevel\n      batchId: $batchId\n      lastNameFrom: $lastNameFrom\n      lastNameTo: $lastNameTo\n    )\n  }\n": types.AdminPrintSheetDocument,
    "\n  query AdminBadgeKeys($editionId: ID!) {\n    badgeVerificationKeys(editionId: $editionId) {\n      kid\n      algorithm\n    }\n  }\n": types.AdminBadgeKeysDocument,
    "\n  mutation AdminRotateBadgeKey($editionId: ID!) {\n    rotateBadgeKey(editionId: $editionId) {\n      kid\n      algorithm\n    }\n  }\n": types.AdminRotateBadgeKeyDocument,
    "\n  mutation AdminRetireBadgeKey($editionId: ID!, $kid: String!) {\n    retireBadgeKey(editionId: $editionId, kid: $kid)\n  }\n": types.AdminRetireBadgeKeyDocument,
    "\n  mutation AdminImportBooths($editionId: ID!, $rows: [BoothImportRow!]!) {\n    importBooths(editionId: $editionId, rows: $rows) {\n      created\n      updated\n      unchanged\n      refused\n      rows {\n        row\n        code\n        outcome\n        reason\n        boothId\n      }\n    }\n  }\n": types.AdminImportBoothsDocument,
    "\n  query AdminBoothHistory($boothId: ID!) {\n    boothHistory(boothId: $boothId) {\n      id\n      at\n      actor\n      fromStatus\n      toStatus\n      fromExhibitorId\n      toExhibitorId\n    }\n  }\n": types.AdminBoothHistoryDocument,
    "\n  mutation AdminHoldBooth($boothId: ID!, $exhibitorId: ID!, $until: DateTime!) {\n    holdBooth(boothId: $boothId, exhibitorId: $exhibitorId, until: $until) {\n      ...AdminBoothFields\n    }\n  }\n": types.AdminHoldBoothDocument,
    "\n  mutation AdminAssignBooth($boothId: ID!, $exhibitorId: ID!) {\n    assignBooth(boothId: $boothId, exhibitorId: $exhibitorId) {\n      ...AdminBoothFields\n    }\n  }\n": types.AdminAssignBoothDocument,
    "\n  mutation AdminReleaseBooth($boothId: ID!) {\n    releaseBooth(boothId: $boothId) {\n      ...AdminBoothFields\n    }\n  }\n": types.AdminReleaseBoothDocument,
    "\n  mutation AdminMoveBooth($boothId: ID!, $toBoothId: ID!) {\n    moveBooth(boothId: $boothId, toBoothId: $toBoothId) {\n      ...AdminBoothFields\n    }\n  }\n": types.AdminMoveBoothDocument,
    "\n  fragment AdminEditionFields on Edition {\n    id\n    name\n    year\n    startsOn\n    endsOn\n    timezone\n    venue\n  }\n": types.AdminEditionFieldsFragmentDoc,
    "\n  mutation AdminCreateEdition($input: EditionInput!) {\n    createEdition(input: $input) {\n      ...AdminEditionFields\n    }\n  }\n": types.AdminCreateEditionDocument,
    "\n  query AdminCheckpointStats($checkpointId: ID!) {\n    checkpointStats(checkpointId: $checkpointId) {\n      ...DoorStatsFields\n    }\n    admissionsSeries(checkpointId: $checkpointId) {\n      at\n      admitted\n    }\n    failed: recentScans(checkpointId: $checkpointId, outcome: REJECTED, first: 8) {\n      id\n      outcome\n      reason\n      rejectReason\n      deviceId\n      scannedAt\n      late\n    }\n    conflicts: recentScans(checkpointId: $checkpointId, conflictsOnly: true, first: 8) {\n      id\n      outcome\n      reason\n      deviceId\n      scannedAt\n    }\n  }\n": types.AdminCheckpointStatsDocument,
    "\n  fragment DoorStatsFields on CheckpointStats {\n    checkpointId\n    admitted\n    duplicates\n    rejected\n    uniqueAttendees\n    admittedToday\n    insideNow\n    lastQuarterHour\n    devices {\n      deviceId\n      scans\n      admitted\n      lastSeenAt\n      queued\n    }\n  }\n": types.DoorStatsFieldsFragmentDoc,
    "\n  subscription AdminCheckpointStatsChanged($checkpointId: ID!) {\n    checkpointStatsChanged(checkpointId: $checkpointId) {\n      ...DoorStatsFields\n    }\n  }\n": types.AdminCheckpointStatsChangedDocument,
    "\n  query AdminCheckpoints($editionId: ID!) {\n    checkpoints(editionId: $editionId) {\n      id\n      name\n      kind\n      allowed\n      opensAt\n      closesAt\n      exitScanning\n      session {\n        id\n        title\n      }\n    }\n  }\n": types.AdminCheckpointsDocument,
    "\n  query AdminVenueStats($editionId: ID!) {\n    venueStats(editionId: $editionId) {\n      day\n      uniqueAttendees\n    }\n  }\n": types.AdminVenueStatsDocument,
    "\n  query AdminCheckpointSessions($editionId: ID!) {\n    sessions(editionId: $editionId, first: 200) {\n      edges {\n        node {\n          id\n          title\n          startsAt\n        }\n      }\n    }\n  }\n": types.AdminCheckpointSessionsDocument,
    "\n  mutation AdminCreateCheckpoint($editionId: ID!, $input: CheckpointInput!) {\n    createCheckpoint(editionId: $editionId, input: $input) {\n      id\n    }\n  }\n": types.AdminCreateCheckpointDocument,
    "\n  mutation AdminUpdateCheckpoint($id: ID!, $input: CheckpointPatch!) {\n    updateCheckpoint(id: $id, input: $input) {\n      id\n      name\n      allowed\n      opensAt\n      closesAt\n      exitScanning\n    }\n  }\n": types.AdminUpdateCheckpointDocument,
    "\n  fragment AdminRoomFields on Room {\n    id\n    name\n    capacity\n    enforceCapacity\n  }\n": types.AdminRoomFieldsFragmentDoc,
    "\n  fragment AdminTrackFields on Track {\n    id\n    name\n    colour\n  }\n": types.AdminTrackFieldsFragmentDoc,
    "\n  query AdminEdition($id: ID!) {\n    edition(id: $id) {\n      ...AdminEditionFields\n      rooms {\n        ...AdminRoomFields\n      }\n      tracks {\n        ...AdminTrackFields\n      }\n    }\n    editionRoles(editionId: $id) {\n      email\n      role\n      exhibitorId\n      grantedAt\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n": types.AdminEditionDocument,
    "\n  mutation AdminUpdateEdition($id: ID!, $input: EditionPatch!) {\n    updateEdition(id: $id, input: $input) {\n      ...AdminEditionFields\n    }\n  }\n": types.AdminUpdateEditionDocument,
    "\n  mutation AdminCreateRoom($editionId: ID!, $input: RoomInput!) {\n    createRoom(editionId: $editionId, input: $input) {\n      ...AdminRoomFields\n    }\n  }\n": types.AdminCreateRoomDocument,
    "\n  mutation AdminUpdateRoom($id: ID!, $input: RoomPatch!) {\n    updateRoom(id: $id, input: $input) {\n      ...AdminRoomFields\n    }\n  }\n": types.AdminUpdateRoomDocument,
    "\n  mutation AdminCreateTrack($editionId: ID!, $name: String!, $colour: String) {\n    createTrack(editionId: $editionId, name: $name, colour: $colour) {\n      ...AdminTrackFields\n    }\n  }\n": types.AdminCreateTrackDocument,
    "\n  mutation AdminUpdateTrack($id: ID!, $name: String, $colour: String) {\n    updateTrack(id: $id, name: $name, colour: $colour) {\n      ...AdminTrackFields\n    }\n  }\n": types.AdminUpdateTrackDocument,
    "\n  mutation AdminGrantRole($editionId: ID!, $email: String!, $role: Role!) {\n    grantRole(editionId: $editionId, email: $email, role: $role)\n  }\n": types.AdminGrantRoleDocument,
    "\n  mutation AdminRevokeRole($editionId: ID!, $email: String!, $role: Role!, $exhibitorId: ID) {\n    revokeRole(editionId: $editionId, email: $email, role: $role, exhibitorId: $exhibitorId)\n  }\n": types.AdminRevokeRoleDocument,
    "\n  query AdminExpo($editionId: ID!) {\n    edition(id: $editionId) {\n      id\n      boothSelectionOpen\n      halls {\n        id\n        name\n        widthM\n        depthM\n      }\n    }\n  }\n": types.AdminExpoDocument,
    "\n  query AdminBooths($editionId: ID!) {\n    booths(editionId: $editionId) {\n      ...AdminBoothFields\n    }\n  }\n": types.AdminBoothsDocument,
    "\n  fragment AdminBoothFields on Booth {\n    id\n    code\n    xM\n    yM\n    widthM\n    depthM\n    areaM2\n    type\n    status\n    holdExpiresAt\n    requestedAt\n    hall {\n      id\n      name\n    }\n    exhibitor {\n      id\n      name\n    }\n  }\n": types.AdminBoothFieldsFragmentDoc,
    "\n  query AdminExhibitorNames($editionId: ID!) {\n    exhibitors(editionId: $editionId, first: 200) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AdminExhibitorNamesDocument,
    "\n  mutation AdminCreateHall($editionId: ID!, $input: HallInput!) {\n    createHall(editionId: $editionId, input: $input) {\n      id\n    }\n  }\n": types.AdminCreateHallDocument,
    "\n  mutation AdminSetBoothSelection($editionId: ID!, $open: Boolean!) {\n    setBoothSelection(editionId: $editionId, open: $open) {\n      id\n      boothSelectionOpen\n    }\n  }\n": types.AdminSetBoothSelectionDocument,
    "\n  mutation AdminApproveBooth($boothId: ID!, $exhibitorId: ID!) {\n    assignBooth(boothId: $boothId, exhibitorId: $exhibitorId) {\n      ...AdminBoothFields\n    }\n  }\n": types.AdminApproveBoothDocument,
    "\n  query AdminExhibitorsPage($editionId: ID!, $search: String, $after: String) {\n    exhibitors(editionId: $editionId, search: $search, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n          sponsorshipTier\n          booths {\n            id\n            code\n            status\n          }\n        }\n      }\n    }\n  }\n": types.AdminExhibitorsPageDocument,
    "\n  query AdminStaffAllotment($exhibitorId: ID!) {\n    staffAllotment(exhibitorId: $exhibitorId) {\n      allotted\n      used\n      overridden\n    }\n  }\n": types.AdminStaffAllotmentDocument,
    "\n  mutation AdminSetStaffAllotment($exhibitorId: ID!, $places: Int) {\n    setStaffAllotment(exhibitorId: $exhibitorId, places: $places) {\n      allotted\n      used\n      overridden\n    }\n  }\n": types.AdminSetStaffAllotmentDocument,
    "\n  query AdminWebhooks($editionId: ID!) {\n    webhooks(editionId: $editionId) {\n      id\n      url\n      events\n      active\n      createdAt\n    }\n  }\n": types.AdminWebhooksDocument,
    "\n  mutation AdminCreateWebhook($editionId: ID!, $input: WebhookInput!) {\n    createWebhook(editionId: $editionId, input: $input) {\n      id\n    }\n  }\n": types.AdminCreateWebhookDocument,
    "\n  mutation AdminDeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": types.AdminDeleteWebhookDocument,
    "\n  query AdminWebhookDeliveries($webhookId: ID!) {\n    webhookDeliveries(webhookId: $webhookId, first: 20) {\n      id\n      event\n      eventId\n      state\n      attempts\n      lastStatus\n      lastError\n      createdAt\n      deliveredAt\n    }\n  }\n": types.AdminWebhookDeliveriesDocument,
    "\n  mutation AdminRetryDelivery($id: ID!) {\n    retryWebhookDelivery(id: $id) {\n      id\n      state\n      attempts\n      lastStatus\n      lastError\n      deliveredAt\n    }\n  }\n": types.AdminRetryDeliveryDocument,
    "\n  query AdminScheduleChangeLog($editionId: ID!, $after: String) {\n    scheduleChangeLog(editionId: $editionId, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          createdAt\n          kinds\n          summary\n          notifiedCount\n          session {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": types.AdminScheduleChangeLogDocument,
    "\n  mutation AdminCreateSession($editionId: ID!, $input: SessionInput!) {\n    createSession(editionId: $editionId, input: $input) {\n      ...AdminSessionFields\n    }\n  }\n": types.AdminCreateSessionDocument,
    "\n  mutation AdminPublishSession($id: ID!) {\n    publishSession(id: $id) {\n      ...AdminSessionFields\n    }\n  }\n": types.AdminPublishSessionDocument,
    "\n  mutation AdminCancelSession($id: ID!, $reason: String!) {\n    cancelSession(id: $id, reason: $reason) {\n      ...AdminSessionFields\n    }\n  }\n": types.AdminCancelSessionDocument,
    "\n  mutation AdminDeleteSession($id: ID!) {\n    deleteSession(id: $id)\n  }\n": types.AdminDeleteSessionDocument,
    "\n  query AdminSpeakers($editionId: ID!, $search: String, $after: String) {\n    speakers(editionId: $editionId, search: $search, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n          company\n          jobTitle\n          bio\n          sessions {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": types.AdminSpeakersDocument,
    "\n  mutation AdminCreateSpeaker($editionId: ID!, $input: SpeakerInput!) {\n    createSpeaker(editionId: $editionId, input: $input) {\n      id\n      name\n    }\n  }\n": types.AdminCreateSpeakerDocument,
    "\n  mutation AdminUpdateSpeaker($id: ID!, $input: SpeakerInput!) {\n    updateSpeaker(id: $id, input: $input) {\n      id\n      name\n      company\n      jobTitle\n      bio\n    }\n  }\n": types.AdminUpdateSpeakerDocument,
    "\n  query AdminProgrammeEdition($id: ID!) {\n    edition(id: $id) {\n      id\n      timezone\n      startsOn\n      endsOn\n      rooms {\n        id\n        name\n        capacity\n      }\n      tracks {\n        id\n        name\n        colour\n      }\n    }\n  }\n": types.AdminProgrammeEditionDocument,
    "\n  fragment AdminSessionFields on Session {\n    id\n    title\n    abstract\n    format\n    status\n    startsAt\n    endsAt\n    capacity\n    ceCredits\n    cancelReason\n    seatsTaken\n    room {\n      id\n      name\n    }\n    track {\n      id\n      name\n      colour\n    }\n    speakers {\n      id\n      name\n    }\n    attendance {\n      reserved\n      waitlisted\n      bookmarked\n    }\n  }\n": types.AdminSessionFieldsFragmentDoc,
    "\n  query AdminProgrammeDay($editionId: ID!, $day: String!) {\n    sessions(editionId: $editionId, filter: { day: $day }, first: 200) {\n      totalCount\n      edges {\n        node {\n          ...AdminSessionFields\n        }\n      }\n    }\n  }\n": types.AdminProgrammeDayDocument,
    "\n  query AdminSpeakerChoices($editionId: ID!, $search: String) {\n    speakers(editionId: $editionId, search: $search, first: 50) {\n      edges {\n        node {\n          id\n          name\n          company\n        }\n      }\n    }\n  }\n": types.AdminSpeakerChoicesDocument,
    "\n  mutation AdminUpdateSession($id: ID!, $patch: SessionPatch!) {\n    updateSession(id: $id, patch: $patch) {\n      ...AdminSessionFields\n    }\n  }\n": types.AdminUpdateSessionDocument,
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
    "\n  query MyRoles($editionId: ID!) {\n    myRoles(editionId: $editionId)\n  }\n": types.MyRolesDocument,
    "\n  query ExhibitorProfile($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n      category\n      sponsorshipTier\n      description\n      website\n      contactEmail\n      contactPhone\n      booths {\n        id\n        code\n        widthM\n        depthM\n        hall {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ExhibitorProfileDocument,
    "\n  query ExhibitorCategories($editionId: ID!) {\n    exhibitorCategories(editionId: $editionId)\n  }\n": types.ExhibitorCategoriesDocument,
    "\n  query ExhibitorDirectory($editionId: ID!, $search: String, $category: String, $first: Int, $after: String) {\n    exhibitors(editionId: $editionId, search: $search, category: $category, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n          category\n          sponsorshipTier\n          description\n          logoUrl\n          booths {\n            id\n            code\n            hall {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ExhibitorDirectoryDocument,
    "\n  query EditionHalls($editionId: ID!) {\n    edition(id: $editionId) {\n      id\n      halls {\n        id\n        name\n        widthM\n        depthM\n      }\n    }\n  }\n": types.EditionHallsDocument,
    "\n  query HallBooths($editionId: ID!, $hallId: ID!) {\n    booths(editionId: $editionId, hallId: $hallId) {\n      id\n      code\n      xM\n      yM\n      widthM\n      depthM\n      status\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n": types.HallBoothsDocument,
    "\n  query LeadFigures($exhibitorId: ID!) {\n    leadFigures(exhibitorId: $exhibitorId) {\n      total\n      perDay {\n        day\n        count\n      }\n      perStaff {\n        email\n        count\n      }\n    }\n  }\n": types.LeadFiguresDocument,
    "\n  query LeadExhibitors($editionId: ID) {\n    myExhibitors(editionId: $editionId) {\n      admin\n      exhibitor {\n        id\n        name\n        leadTags\n      }\n    }\n  }\n": types.LeadExhibitorsDocument,
    "\n  query LeadExhibitorById($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n      leadTags\n    }\n  }\n": types.LeadExhibitorByIdDocument,
    "\n  query LeadsTable(\n    $exhibitorId: ID!\n    $first: Int\n    $after: String\n    $search: String\n    $rating: Int\n    $tag: String\n    $capturedBy: String\n    $orderBy: LeadOrder\n  ) {\n    leads(\n      exhibitorId: $exhibitorId\n      first: $first\n      after: $after\n      search: $search\n      rating: $rating\n      tag: $tag\n      capturedBy: $capturedBy\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...LeadFields\n        }\n      }\n    }\n  }\n": types.LeadsTableDocument,
    "\n  query LeadsCsvUrl($exhibitorId: ID!) {\n    leadsCsvUrl(exhibitorId: $exhibitorId)\n  }\n": types.LeadsCsvUrlDocument,
    "\n  fragment LeadFields on Lead {\n    id\n    capturedAt\n    capturedBy\n    notes\n    rating\n    tags\n    contactHidden\n    attendee {\n      id\n      firstName\n      lastName\n      company\n      jobTitle\n      email\n    }\n  }\n": types.LeadFieldsFragmentDoc,
    "\n  mutation CaptureLead($input: LeadInput!) {\n    captureLead(input: $input) {\n      ...LeadFields\n    }\n  }\n": types.CaptureLeadDocument,
    "\n  mutation UpdateLead($id: ID!, $notes: String, $rating: Int, $tags: [String!]) {\n    updateLead(id: $id, notes: $notes, rating: $rating, tags: $tags) {\n      ...LeadFields\n    }\n  }\n": types.UpdateLeadDocument,
    "\n  mutation SyncLeads($exhibitorId: ID!, $scans: [OfflineLeadInput!]!) {\n    syncLeads(exhibitorId: $exhibitorId, scans: $scans) {\n      ok\n      reason\n      lead {\n        ...LeadFields\n      }\n    }\n  }\n": types.SyncLeadsDocument,
    "\n  query PortalBooth($id: ID!, $editionId: ID!) {\n    edition(id: $editionId) {\n      id\n      boothSelectionOpen\n      halls {\n        id\n        name\n        widthM\n        depthM\n      }\n    }\n    exhibitor(id: $id) {\n      id\n      booths {\n        id\n        code\n        widthM\n        depthM\n        areaM2\n        type\n        status\n        holdExpiresAt\n        requestedAt\n        hall {\n          id\n          name\n          widthM\n          depthM\n        }\n      }\n    }\n  }\n": types.PortalBoothDocument,
    "\n  query PortalHallBooths($editionId: ID!, $hallId: ID!) {\n    booths(editionId: $editionId, hallId: $hallId) {\n      id\n      code\n      xM\n      yM\n      widthM\n      depthM\n      areaM2\n      type\n      status\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n": types.PortalHallBoothsDocument,
    "\n  mutation RequestBooth($boothId: ID!, $exhibitorId: ID!) {\n    requestBooth(boothId: $boothId, exhibitorId: $exhibitorId) {\n      id\n      code\n      status\n      holdExpiresAt\n      requestedAt\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n": types.RequestBoothDocument,
    "\n  query PortalMemberships($editionId: ID!) {\n    myExhibitors(editionId: $editionId) {\n      admin\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n": types.PortalMembershipsDocument,
    "\n  query PortalOrganizerAccess($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n    }\n    staffAllotment(exhibitorId: $id) {\n      allotted\n      used\n    }\n  }\n": types.PortalOrganizerAccessDocument,
    "\n  query PortalProfile($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n      description\n      category\n      website\n      contactEmail\n      contactPhone\n      sponsorshipTier\n      leadExportAdminsOnly\n      leadTags\n      logoUrl\n      booths {\n        id\n        code\n        hall {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PortalProfileDocument,
    "\n  mutation UpdateExhibitorProfile($id: ID!, $input: ExhibitorInput!) {\n    updateExhibitor(id: $id, input: $input) {\n      id\n      name\n      description\n      category\n      website\n      contactEmail\n      contactPhone\n      sponsorshipTier\n      leadExportAdminsOnly\n    }\n  }\n": types.UpdateExhibitorProfileDocument,
    "\n  mutation SetLeadTags($exhibitorId: ID!, $tags: [String!]!) {\n    setLeadTags(exhibitorId: $exhibitorId, tags: $tags) {\n      id\n      leadTags\n    }\n  }\n": types.SetLeadTagsDocument,
    "\n  query PortalStaff($id: ID!) {\n    exhibitorStaff(exhibitorId: $id) {\n      email\n      admin\n    }\n    staffAllotment(exhibitorId: $id) {\n      allotted\n      used\n      overridden\n    }\n  }\n": types.PortalStaffDocument,
    "\n  mutation AddExhibitorStaff($exhibitorId: ID!, $email: String!, $admin: Boolean) {\n    addExhibitorStaff(exhibitorId: $exhibitorId, email: $email, admin: $admin) {\n      email\n      admin\n    }\n  }\n": types.AddExhibitorStaffDocument,
    "\n  mutation RemoveExhibitorStaff($exhibitorId: ID!, $email: String!) {\n    removeExhibitorStaff(exhibitorId: $exhibitorId, email: $email) {\n      email\n      admin\n    }\n  }\n": types.RemoveExhibitorStaffDocument,
    "\n  mutation SetStaffAllotment($exhibitorId: ID!, $places: Int) {\n    setStaffAllotment(exhibitorId: $exhibitorId, places: $places) {\n      allotted\n      used\n      overridden\n    }\n  }\n": types.SetStaffAllotmentDocument,
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
export function graphql(source: "\n  query AdminAttendee($id: ID!) {\n    attendee(id: $id) {\n      id\n      firstName\n      lastName\n      email\n      company\n      jobTitle\n      accessLevel\n      checkedInAt\n      emailUpdates\n      badge {\n        id\n        status\n        version\n        pdfUrl\n        qrSvg\n      }\n      scans(first: 50) {\n        id\n        scannedAt\n        checkpointName\n        outcome\n        reason\n        direction\n        annulledAt\n      }\n      credits {\n        total\n        sessions {\n          credits\n          minutesAttended\n          session {\n            id\n            title\n            startsAt\n          }\n        }\n      }\n      schedule {\n        id\n        status\n        waitlistPosition\n        session {\n          id\n          title\n          startsAt\n          endsAt\n          ceCredits\n          room {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminAttendee($id: ID!) {\n    attendee(id: $id) {\n      id\n      firstName\n      lastName\n      email\n      company\n      jobTitle\n      accessLevel\n      checkedInAt\n      emailUpdates\n      badge {\n        id\n        status\n        version\n        pdfUrl\n        qrSvg\n      }\n      scans(first: 50) {\n        id\n        scannedAt\n        checkpointName\n        outcome\n        reason\n        direction\n        annulledAt\n      }\n      credits {\n        total\n        sessions {\n          credits\n          minutesAttended\n          session {\n            id\n            title\n            startsAt\n          }\n        }\n      }\n      schedule {\n        id\n        status\n        waitlistPosition\n        session {\n          id\n          title\n          startsAt\n          endsAt\n          ceCredits\n          room {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminBadgeState on Badge {\n    id\n    status\n    version\n  }\n"): (typeof documents)["\n  fragment AdminBadgeState on Badge {\n    id\n    status\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminIssueBadge($attendeeId: ID!) {\n    issueBadge(attendeeId: $attendeeId) {\n      ...AdminBadgeState\n    }\n  }\n"): (typeof documents)["\n  mutation AdminIssueBadge($attendeeId: ID!) {\n    issueBadge(attendeeId: $attendeeId) {\n      ...AdminBadgeState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReissueBadge($attendeeId: ID!) {\n    reissueBadge(attendeeId: $attendeeId) {\n      ...AdminBadgeState\n    }\n  }\n"): (typeof documents)["\n  mutation AdminReissueBadge($attendeeId: ID!) {\n    reissueBadge(attendeeId: $attendeeId) {\n      ...AdminBadgeState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeBadge($attendeeId: ID!) {\n    revokeBadge(attendeeId: $attendeeId) {\n      ...AdminBadgeState\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeBadge($attendeeId: ID!) {\n    revokeBadge(attendeeId: $attendeeId) {\n      ...AdminBadgeState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAttendees($editionId: ID!, $filter: AttendeeFilter, $first: Int, $after: String) {\n    attendees(editionId: $editionId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          email\n          company\n          accessLevel\n          checkedInAt\n          badge {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminAttendees($editionId: ID!, $filter: AttendeeFilter, $first: Int, $after: String) {\n    attendees(editionId: $editionId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          email\n          company\n          accessLevel\n          checkedInAt\n          badge {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminBadgeCounts($editionId: ID!) {\n    none: attendees(editionId: $editionId, filter: { badgeStatus: NONE }, first: 1) {\n      totalCount\n    }\n    pending: attendees(editionId: $editionId, filter: { badgeStatus: PENDING }, first: 1) {\n      totalCount\n    }\n    active: attendees(editionId: $editionId, filter: { badgeStatus: ACTIVE }, first: 1) {\n      totalCount\n    }\n    revoked: attendees(editionId: $editionId, filter: { badgeStatus: REVOKED }, first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query AdminBadgeCounts($editionId: ID!) {\n    none: attendees(editionId: $editionId, filter: { badgeStatus: NONE }, first: 1) {\n      totalCount\n    }\n    pending: attendees(editionId: $editionId, filter: { badgeStatus: PENDING }, first: 1) {\n      totalCount\n    }\n    active: attendees(editionId: $editionId, filter: { badgeStatus: ACTIVE }, first: 1) {\n      totalCount\n    }\n    revoked: attendees(editionId: $editionId, filter: { badgeStatus: REVOKED }, first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminGenerateBadges($editionId: ID!) {\n    generateBadges(editionId: $editionId) {\n      id\n      state\n      total\n      done\n      failed\n    }\n  }\n"): (typeof documents)["\n  mutation AdminGenerateBadges($editionId: ID!) {\n    generateBadges(editionId: $editionId) {\n      id\n      state\n      total\n      done\n      failed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminBadgeBatchFields on BadgeBatch {\n    id\n    state\n    total\n    done\n    failed\n    failures {\n      attendeeId\n      badgeId\n      reason\n    }\n  }\n"): (typeof documents)["\n  fragment AdminBadgeBatchFields on BadgeBatch {\n    id\n    state\n    total\n    done\n    failed\n    failures {\n      attendeeId\n      badgeId\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminBadgeBatch($id: ID!) {\n    badgeBatch(id: $id) {\n      ...AdminBadgeBatchFields\n    }\n  }\n"): (typeof documents)["\n  query AdminBadgeBatch($id: ID!) {\n    badgeBatch(id: $id) {\n      ...AdminBadgeBatchFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminBadgeBatchProgress($batchId: ID!) {\n    badgeBatchProgress(batchId: $batchId) {\n      ...AdminBadgeBatchFields\n    }\n  }\n"): (typeof documents)["\n  subscription AdminBadgeBatchProgress($batchId: ID!) {\n    badgeBatchProgress(batchId: $batchId) {\n      ...AdminBadgeBatchFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPrintSheet(\n    $editionId: ID!\n    $accessLevel: AccessLevel\n    $batchId: ID\n    $lastNameFrom: String\n    $lastNameTo: String\n  ) {\n    badgePrintSheetUrl(\n      editionId: $editionId\n      accessLevel: $accessLevel\n      batchId: $batchId\n      lastNameFrom: $lastNameFrom\n      lastNameTo: $lastNameTo\n    )\n  }\n"): (typeof documents)["\n  query AdminPrintSheet(\n    $editionId: ID!\n    $accessLevel: AccessLevel\n    $batchId: ID\n    $lastNameFrom: String\n    $lastNameTo: String\n  ) {\n    badgePrintSheetUrl(\n      editionId: $editionId\n      accessLevel: $accessLevel\n      batchId: $batchId\n      lastNameFrom: $lastNameFrom\n      lastNameTo: $lastNameTo\n    )\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminBadgeKeys($editionId: ID!) {\n    badgeVerificationKeys(editionId: $editionId) {\n      kid\n      algorithm\n    }\n  }\n"): (typeof documents)["\n  query AdminBadgeKeys($editionId: ID!) {\n    badgeVerificationKeys(editionId: $editionId) {\n      kid\n      algorithm\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRotateBadgeKey($editionId: ID!) {\n    rotateBadgeKey(editionId: $editionId) {\n      kid\n      algorithm\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRotateBadgeKey($editionId: ID!) {\n    rotateBadgeKey(editionId: $editionId) {\n      kid\n      algorithm\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRetireBadgeKey($editionId: ID!, $kid: String!) {\n    retireBadgeKey(editionId: $editionId, kid: $kid)\n  }\n"): (typeof documents)["\n  mutation AdminRetireBadgeKey($editionId: ID!, $kid: String!) {\n    retireBadgeKey(editionId: $editionId, kid: $kid)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminImportBooths($editionId: ID!, $rows: [BoothImportRow!]!) {\n    importBooths(editionId: $editionId, rows: $rows) {\n      created\n      updated\n      unchanged\n      refused\n      rows {\n        row\n        code\n        outcome\n        reason\n        boothId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminImportBooths($editionId: ID!, $rows: [BoothImportRow!]!) {\n    importBooths(editionId: $editionId, rows: $rows) {\n      created\n      updated\n      unchanged\n      refused\n      rows {\n        row\n        code\n        outcome\n        reason\n        boothId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminBoothHistory($boothId: ID!) {\n    boothHistory(boothId: $boothId) {\n      id\n      at\n      actor\n      fromStatus\n      toStatus\n      fromExhibitorId\n      toExhibitorId\n    }\n  }\n"): (typeof documents)["\n  query AdminBoothHistory($boothId: ID!) {\n    boothHistory(boothId: $boothId) {\n      id\n      at\n      actor\n      fromStatus\n      toStatus\n      fromExhibitorId\n      toExhibitorId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminHoldBooth($boothId: ID!, $exhibitorId: ID!, $until: DateTime!) {\n    holdBooth(boothId: $boothId, exhibitorId: $exhibitorId, until: $until) {\n      ...AdminBoothFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminHoldBooth($boothId: ID!, $exhibitorId: ID!, $until: DateTime!) {\n    holdBooth(boothId: $boothId, exhibitorId: $exhibitorId, until: $until) {\n      ...AdminBoothFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAssignBooth($boothId: ID!, $exhibitorId: ID!) {\n    assignBooth(boothId: $boothId, exhibitorId: $exhibitorId) {\n      ...AdminBoothFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminAssignBooth($boothId: ID!, $exhibitorId: ID!) {\n    assignBooth(boothId: $boothId, exhibitorId: $exhibitorId) {\n      ...AdminBoothFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReleaseBooth($boothId: ID!) {\n    releaseBooth(boothId: $boothId) {\n      ...AdminBoothFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminReleaseBooth($boothId: ID!) {\n    releaseBooth(boothId: $boothId) {\n      ...AdminBoothFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminMoveBooth($boothId: ID!, $toBoothId: ID!) {\n    moveBooth(boothId: $boothId, toBoothId: $toBoothId) {\n      ...AdminBoothFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminMoveBooth($boothId: ID!, $toBoothId: ID!) {\n    moveBooth(boothId: $boothId, toBoothId: $toBoothId) {\n      ...AdminBoothFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminEditionFields on Edition {\n    id\n    name\n    year\n    startsOn\n    endsOn\n    timezone\n    venue\n  }\n"): (typeof documents)["\n  fragment AdminEditionFields on Edition {\n    id\n    name\n    year\n    startsOn\n    endsOn\n    timezone\n    venue\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateEdition($input: EditionInput!) {\n    createEdition(input: $input) {\n      ...AdminEditionFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateEdition($input: EditionInput!) {\n    createEdition(input: $input) {\n      ...AdminEditionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCheckpointStats($checkpointId: ID!) {\n    checkpointStats(checkpointId: $checkpointId) {\n      ...DoorStatsFields\n    }\n    admissionsSeries(checkpointId: $checkpointId) {\n      at\n      admitted\n    }\n    failed: recentScans(checkpointId: $checkpointId, outcome: REJECTED, first: 8) {\n      id\n      outcome\n      reason\n      rejectReason\n      deviceId\n      scannedAt\n      late\n    }\n    conflicts: recentScans(checkpointId: $checkpointId, conflictsOnly: true, first: 8) {\n      id\n      outcome\n      reason\n      deviceId\n      scannedAt\n    }\n  }\n"): (typeof documents)["\n  query AdminCheckpointStats($checkpointId: ID!) {\n    checkpointStats(checkpointId: $checkpointId) {\n      ...DoorStatsFields\n    }\n    admissionsSeries(checkpointId: $checkpointId) {\n      at\n      admitted\n    }\n    failed: recentScans(checkpointId: $checkpointId, outcome: REJECTED, first: 8) {\n      id\n      outcome\n      reason\n      rejectReason\n      deviceId\n      scannedAt\n      late\n    }\n    conflicts: recentScans(checkpointId: $checkpointId, conflictsOnly: true, first: 8) {\n      id\n      outcome\n      reason\n      deviceId\n      scannedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DoorStatsFields on CheckpointStats {\n    checkpointId\n    admitted\n    duplicates\n    rejected\n    uniqueAttendees\n    admittedToday\n    insideNow\n    lastQuarterHour\n    devices {\n      deviceId\n      scans\n      admitted\n      lastSeenAt\n      queued\n    }\n  }\n"): (typeof documents)["\n  fragment DoorStatsFields on CheckpointStats {\n    checkpointId\n    admitted\n    duplicates\n    rejected\n    uniqueAttendees\n    admittedToday\n    insideNow\n    lastQuarterHour\n    devices {\n      deviceId\n      scans\n      admitted\n      lastSeenAt\n      queued\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminCheckpointStatsChanged($checkpointId: ID!) {\n    checkpointStatsChanged(checkpointId: $checkpointId) {\n      ...DoorStatsFields\n    }\n  }\n"): (typeof documents)["\n  subscription AdminCheckpointStatsChanged($checkpointId: ID!) {\n    checkpointStatsChanged(checkpointId: $checkpointId) {\n      ...DoorStatsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCheckpoints($editionId: ID!) {\n    checkpoints(editionId: $editionId) {\n      id\n      name\n      kind\n      allowed\n      opensAt\n      closesAt\n      exitScanning\n      session {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCheckpoints($editionId: ID!) {\n    checkpoints(editionId: $editionId) {\n      id\n      name\n      kind\n      allowed\n      opensAt\n      closesAt\n      exitScanning\n      session {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminVenueStats($editionId: ID!) {\n    venueStats(editionId: $editionId) {\n      day\n      uniqueAttendees\n    }\n  }\n"): (typeof documents)["\n  query AdminVenueStats($editionId: ID!) {\n    venueStats(editionId: $editionId) {\n      day\n      uniqueAttendees\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCheckpointSessions($editionId: ID!) {\n    sessions(editionId: $editionId, first: 200) {\n      edges {\n        node {\n          id\n          title\n          startsAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCheckpointSessions($editionId: ID!) {\n    sessions(editionId: $editionId, first: 200) {\n      edges {\n        node {\n          id\n          title\n          startsAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateCheckpoint($editionId: ID!, $input: CheckpointInput!) {\n    createCheckpoint(editionId: $editionId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateCheckpoint($editionId: ID!, $input: CheckpointInput!) {\n    createCheckpoint(editionId: $editionId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateCheckpoint($id: ID!, $input: CheckpointPatch!) {\n    updateCheckpoint(id: $id, input: $input) {\n      id\n      name\n      allowed\n      opensAt\n      closesAt\n      exitScanning\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateCheckpoint($id: ID!, $input: CheckpointPatch!) {\n    updateCheckpoint(id: $id, input: $input) {\n      id\n      name\n      allowed\n      opensAt\n      closesAt\n      exitScanning\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminRoomFields on Room {\n    id\n    name\n    capacity\n    enforceCapacity\n  }\n"): (typeof documents)["\n  fragment AdminRoomFields on Room {\n    id\n    name\n    capacity\n    enforceCapacity\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminTrackFields on Track {\n    id\n    name\n    colour\n  }\n"): (typeof documents)["\n  fragment AdminTrackFields on Track {\n    id\n    name\n    colour\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminEdition($id: ID!) {\n    edition(id: $id) {\n      ...AdminEditionFields\n      rooms {\n        ...AdminRoomFields\n      }\n      tracks {\n        ...AdminTrackFields\n      }\n    }\n    editionRoles(editionId: $id) {\n      email\n      role\n      exhibitorId\n      grantedAt\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminEdition($id: ID!) {\n    edition(id: $id) {\n      ...AdminEditionFields\n      rooms {\n        ...AdminRoomFields\n      }\n      tracks {\n        ...AdminTrackFields\n      }\n    }\n    editionRoles(editionId: $id) {\n      email\n      role\n      exhibitorId\n      grantedAt\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateEdition($id: ID!, $input: EditionPatch!) {\n    updateEdition(id: $id, input: $input) {\n      ...AdminEditionFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateEdition($id: ID!, $input: EditionPatch!) {\n    updateEdition(id: $id, input: $input) {\n      ...AdminEditionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateRoom($editionId: ID!, $input: RoomInput!) {\n    createRoom(editionId: $editionId, input: $input) {\n      ...AdminRoomFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateRoom($editionId: ID!, $input: RoomInput!) {\n    createRoom(editionId: $editionId, input: $input) {\n      ...AdminRoomFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateRoom($id: ID!, $input: RoomPatch!) {\n    updateRoom(id: $id, input: $input) {\n      ...AdminRoomFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateRoom($id: ID!, $input: RoomPatch!) {\n    updateRoom(id: $id, input: $input) {\n      ...AdminRoomFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateTrack($editionId: ID!, $name: String!, $colour: String) {\n    createTrack(editionId: $editionId, name: $name, colour: $colour) {\n      ...AdminTrackFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateTrack($editionId: ID!, $name: String!, $colour: String) {\n    createTrack(editionId: $editionId, name: $name, colour: $colour) {\n      ...AdminTrackFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateTrack($id: ID!, $name: String, $colour: String) {\n    updateTrack(id: $id, name: $name, colour: $colour) {\n      ...AdminTrackFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateTrack($id: ID!, $name: String, $colour: String) {\n    updateTrack(id: $id, name: $name, colour: $colour) {\n      ...AdminTrackFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminGrantRole($editionId: ID!, $email: String!, $role: Role!) {\n    grantRole(editionId: $editionId, email: $email, role: $role)\n  }\n"): (typeof documents)["\n  mutation AdminGrantRole($editionId: ID!, $email: String!, $role: Role!) {\n    grantRole(editionId: $editionId, email: $email, role: $role)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeRole($editionId: ID!, $email: String!, $role: Role!, $exhibitorId: ID) {\n    revokeRole(editionId: $editionId, email: $email, role: $role, exhibitorId: $exhibitorId)\n  }\n"): (typeof documents)["\n  mutation AdminRevokeRole($editionId: ID!, $email: String!, $role: Role!, $exhibitorId: ID) {\n    revokeRole(editionId: $editionId, email: $email, role: $role, exhibitorId: $exhibitorId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminExpo($editionId: ID!) {\n    edition(id: $editionId) {\n      id\n      boothSelectionOpen\n      halls {\n        id\n        name\n        widthM\n        depthM\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminExpo($editionId: ID!) {\n    edition(id: $editionId) {\n      id\n      boothSelectionOpen\n      halls {\n        id\n        name\n        widthM\n        depthM\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminBooths($editionId: ID!) {\n    booths(editionId: $editionId) {\n      ...AdminBoothFields\n    }\n  }\n"): (typeof documents)["\n  query AdminBooths($editionId: ID!) {\n    booths(editionId: $editionId) {\n      ...AdminBoothFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminBoothFields on Booth {\n    id\n    code\n    xM\n    yM\n    widthM\n    depthM\n    areaM2\n    type\n    status\n    holdExpiresAt\n    requestedAt\n    hall {\n      id\n      name\n    }\n    exhibitor {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AdminBoothFields on Booth {\n    id\n    code\n    xM\n    yM\n    widthM\n    depthM\n    areaM2\n    type\n    status\n    holdExpiresAt\n    requestedAt\n    hall {\n      id\n      name\n    }\n    exhibitor {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminExhibitorNames($editionId: ID!) {\n    exhibitors(editionId: $editionId, first: 200) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminExhibitorNames($editionId: ID!) {\n    exhibitors(editionId: $editionId, first: 200) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateHall($editionId: ID!, $input: HallInput!) {\n    createHall(editionId: $editionId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateHall($editionId: ID!, $input: HallInput!) {\n    createHall(editionId: $editionId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetBoothSelection($editionId: ID!, $open: Boolean!) {\n    setBoothSelection(editionId: $editionId, open: $open) {\n      id\n      boothSelectionOpen\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetBoothSelection($editionId: ID!, $open: Boolean!) {\n    setBoothSelection(editionId: $editionId, open: $open) {\n      id\n      boothSelectionOpen\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminApproveBooth($boothId: ID!, $exhibitorId: ID!) {\n    assignBooth(boothId: $boothId, exhibitorId: $exhibitorId) {\n      ...AdminBoothFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminApproveBooth($boothId: ID!, $exhibitorId: ID!) {\n    assignBooth(boothId: $boothId, exhibitorId: $exhibitorId) {\n      ...AdminBoothFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminExhibitorsPage($editionId: ID!, $search: String, $after: String) {\n    exhibitors(editionId: $editionId, search: $search, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n          sponsorshipTier\n          booths {\n            id\n            code\n            status\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminExhibitorsPage($editionId: ID!, $search: String, $after: String) {\n    exhibitors(editionId: $editionId, search: $search, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n          sponsorshipTier\n          booths {\n            id\n            code\n            status\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStaffAllotment($exhibitorId: ID!) {\n    staffAllotment(exhibitorId: $exhibitorId) {\n      allotted\n      used\n      overridden\n    }\n  }\n"): (typeof documents)["\n  query AdminStaffAllotment($exhibitorId: ID!) {\n    staffAllotment(exhibitorId: $exhibitorId) {\n      allotted\n      used\n      overridden\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetStaffAllotment($exhibitorId: ID!, $places: Int) {\n    setStaffAllotment(exhibitorId: $exhibitorId, places: $places) {\n      allotted\n      used\n      overridden\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetStaffAllotment($exhibitorId: ID!, $places: Int) {\n    setStaffAllotment(exhibitorId: $exhibitorId, places: $places) {\n      allotted\n      used\n      overridden\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhooks($editionId: ID!) {\n    webhooks(editionId: $editionId) {\n      id\n      url\n      events\n      active\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhooks($editionId: ID!) {\n    webhooks(editionId: $editionId) {\n      id\n      url\n      events\n      active\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateWebhook($editionId: ID!, $input: WebhookInput!) {\n    createWebhook(editionId: $editionId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateWebhook($editionId: ID!, $input: WebhookInput!) {\n    createWebhook(editionId: $editionId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"): (typeof documents)["\n  mutation AdminDeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhookDeliveries($webhookId: ID!) {\n    webhookDeliveries(webhookId: $webhookId, first: 20) {\n      id\n      event\n      eventId\n      state\n      attempts\n      lastStatus\n      lastError\n      createdAt\n      deliveredAt\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhookDeliveries($webhookId: ID!) {\n    webhookDeliveries(webhookId: $webhookId, first: 20) {\n      id\n      event\n      eventId\n      state\n      attempts\n      lastStatus\n      lastError\n      createdAt\n      deliveredAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRetryDelivery($id: ID!) {\n    retryWebhookDelivery(id: $id) {\n      id\n      state\n      attempts\n      lastStatus\n      lastError\n      deliveredAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRetryDelivery($id: ID!) {\n    retryWebhookDelivery(id: $id) {\n      id\n      state\n      attempts\n      lastStatus\n      lastError\n      deliveredAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminScheduleChangeLog($editionId: ID!, $after: String) {\n    scheduleChangeLog(editionId: $editionId, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          createdAt\n          kinds\n          summary\n          notifiedCount\n          session {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminScheduleChangeLog($editionId: ID!, $after: String) {\n    scheduleChangeLog(editionId: $editionId, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          createdAt\n          kinds\n          summary\n          notifiedCount\n          session {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateSession($editionId: ID!, $input: SessionInput!) {\n    createSession(editionId: $editionId, input: $input) {\n      ...AdminSessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateSession($editionId: ID!, $input: SessionInput!) {\n    createSession(editionId: $editionId, input: $input) {\n      ...AdminSessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminPublishSession($id: ID!) {\n    publishSession(id: $id) {\n      ...AdminSessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminPublishSession($id: ID!) {\n    publishSession(id: $id) {\n      ...AdminSessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCancelSession($id: ID!, $reason: String!) {\n    cancelSession(id: $id, reason: $reason) {\n      ...AdminSessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCancelSession($id: ID!, $reason: String!) {\n    cancelSession(id: $id, reason: $reason) {\n      ...AdminSessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteSession($id: ID!) {\n    deleteSession(id: $id)\n  }\n"): (typeof documents)["\n  mutation AdminDeleteSession($id: ID!) {\n    deleteSession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSpeakers($editionId: ID!, $search: String, $after: String) {\n    speakers(editionId: $editionId, search: $search, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n          company\n          jobTitle\n          bio\n          sessions {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminSpeakers($editionId: ID!, $search: String, $after: String) {\n    speakers(editionId: $editionId, search: $search, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n          company\n          jobTitle\n          bio\n          sessions {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateSpeaker($editionId: ID!, $input: SpeakerInput!) {\n    createSpeaker(editionId: $editionId, input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateSpeaker($editionId: ID!, $input: SpeakerInput!) {\n    createSpeaker(editionId: $editionId, input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateSpeaker($id: ID!, $input: SpeakerInput!) {\n    updateSpeaker(id: $id, input: $input) {\n      id\n      name\n      company\n      jobTitle\n      bio\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateSpeaker($id: ID!, $input: SpeakerInput!) {\n    updateSpeaker(id: $id, input: $input) {\n      id\n      name\n      company\n      jobTitle\n      bio\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminProgrammeEdition($id: ID!) {\n    edition(id: $id) {\n      id\n      timezone\n      startsOn\n      endsOn\n      rooms {\n        id\n        name\n        capacity\n      }\n      tracks {\n        id\n        name\n        colour\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminProgrammeEdition($id: ID!) {\n    edition(id: $id) {\n      id\n      timezone\n      startsOn\n      endsOn\n      rooms {\n        id\n        name\n        capacity\n      }\n      tracks {\n        id\n        name\n        colour\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminSessionFields on Session {\n    id\n    title\n    abstract\n    format\n    status\n    startsAt\n    endsAt\n    capacity\n    ceCredits\n    cancelReason\n    seatsTaken\n    room {\n      id\n      name\n    }\n    track {\n      id\n      name\n      colour\n    }\n    speakers {\n      id\n      name\n    }\n    attendance {\n      reserved\n      waitlisted\n      bookmarked\n    }\n  }\n"): (typeof documents)["\n  fragment AdminSessionFields on Session {\n    id\n    title\n    abstract\n    format\n    status\n    startsAt\n    endsAt\n    capacity\n    ceCredits\n    cancelReason\n    seatsTaken\n    room {\n      id\n      name\n    }\n    track {\n      id\n      name\n      colour\n    }\n    speakers {\n      id\n      name\n    }\n    attendance {\n      reserved\n      waitlisted\n      bookmarked\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminProgrammeDay($editionId: ID!, $day: String!) {\n    sessions(editionId: $editionId, filter: { day: $day }, first: 200) {\n      totalCount\n      edges {\n        node {\n          ...AdminSessionFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminProgrammeDay($editionId: ID!, $day: String!) {\n    sessions(editionId: $editionId, filter: { day: $day }, first: 200) {\n      totalCount\n      edges {\n        node {\n          ...AdminSessionFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSpeakerChoices($editionId: ID!, $search: String) {\n    speakers(editionId: $editionId, search: $search, first: 50) {\n      edges {\n        node {\n          id\n          name\n          company\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminSpeakerChoices($editionId: ID!, $search: String) {\n    speakers(editionId: $editionId, search: $search, first: 50) {\n      edges {\n        node {\n          id\n          name\n          company\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateSession($id: ID!, $patch: SessionPatch!) {\n    updateSession(id: $id, patch: $patch) {\n      ...AdminSessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateSession($id: ID!, $patch: SessionPatch!) {\n    updateSession(id: $id, patch: $patch) {\n      ...AdminSessionFields\n    }\n  }\n"];
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
export function graphql(source: "\n  query MyRoles($editionId: ID!) {\n    myRoles(editionId: $editionId)\n  }\n"): (typeof documents)["\n  query MyRoles($editionId: ID!) {\n    myRoles(editionId: $editionId)\n  }\n"];
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
export function graphql(source: "\n  query ExhibitorDirectory($editionId: ID!, $search: String, $category: String, $first: Int, $after: String) {\n    exhibitors(editionId: $editionId, search: $search, category: $category, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n          category\n          sponsorshipTier\n          description\n          logoUrl\n          booths {\n            id\n            code\n            hall {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExhibitorDirectory($editionId: ID!, $search: String, $category: String, $first: Int, $after: String) {\n    exhibitors(editionId: $editionId, search: $search, category: $category, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n          category\n          sponsorshipTier\n          description\n          logoUrl\n          booths {\n            id\n            code\n            hall {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query LeadFigures($exhibitorId: ID!) {\n    leadFigures(exhibitorId: $exhibitorId) {\n      total\n      perDay {\n        day\n        count\n      }\n      perStaff {\n        email\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeadFigures($exhibitorId: ID!) {\n    leadFigures(exhibitorId: $exhibitorId) {\n      total\n      perDay {\n        day\n        count\n      }\n      perStaff {\n        email\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadExhibitors($editionId: ID) {\n    myExhibitors(editionId: $editionId) {\n      admin\n      exhibitor {\n        id\n        name\n        leadTags\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeadExhibitors($editionId: ID) {\n    myExhibitors(editionId: $editionId) {\n      admin\n      exhibitor {\n        id\n        name\n        leadTags\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadExhibitorById($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n      leadTags\n    }\n  }\n"): (typeof documents)["\n  query LeadExhibitorById($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n      leadTags\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadsTable(\n    $exhibitorId: ID!\n    $first: Int\n    $after: String\n    $search: String\n    $rating: Int\n    $tag: String\n    $capturedBy: String\n    $orderBy: LeadOrder\n  ) {\n    leads(\n      exhibitorId: $exhibitorId\n      first: $first\n      after: $after\n      search: $search\n      rating: $rating\n      tag: $tag\n      capturedBy: $capturedBy\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...LeadFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeadsTable(\n    $exhibitorId: ID!\n    $first: Int\n    $after: String\n    $search: String\n    $rating: Int\n    $tag: String\n    $capturedBy: String\n    $orderBy: LeadOrder\n  ) {\n    leads(\n      exhibitorId: $exhibitorId\n      first: $first\n      after: $after\n      search: $search\n      rating: $rating\n      tag: $tag\n      capturedBy: $capturedBy\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...LeadFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadsCsvUrl($exhibitorId: ID!) {\n    leadsCsvUrl(exhibitorId: $exhibitorId)\n  }\n"): (typeof documents)["\n  query LeadsCsvUrl($exhibitorId: ID!) {\n    leadsCsvUrl(exhibitorId: $exhibitorId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadFields on Lead {\n    id\n    capturedAt\n    capturedBy\n    notes\n    rating\n    tags\n    contactHidden\n    attendee {\n      id\n      firstName\n      lastName\n      company\n      jobTitle\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment LeadFields on Lead {\n    id\n    capturedAt\n    capturedBy\n    notes\n    rating\n    tags\n    contactHidden\n    attendee {\n      id\n      firstName\n      lastName\n      company\n      jobTitle\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CaptureLead($input: LeadInput!) {\n    captureLead(input: $input) {\n      ...LeadFields\n    }\n  }\n"): (typeof documents)["\n  mutation CaptureLead($input: LeadInput!) {\n    captureLead(input: $input) {\n      ...LeadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLead($id: ID!, $notes: String, $rating: Int, $tags: [String!]) {\n    updateLead(id: $id, notes: $notes, rating: $rating, tags: $tags) {\n      ...LeadFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLead($id: ID!, $notes: String, $rating: Int, $tags: [String!]) {\n    updateLead(id: $id, notes: $notes, rating: $rating, tags: $tags) {\n      ...LeadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncLeads($exhibitorId: ID!, $scans: [OfflineLeadInput!]!) {\n    syncLeads(exhibitorId: $exhibitorId, scans: $scans) {\n      ok\n      reason\n      lead {\n        ...LeadFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SyncLeads($exhibitorId: ID!, $scans: [OfflineLeadInput!]!) {\n    syncLeads(exhibitorId: $exhibitorId, scans: $scans) {\n      ok\n      reason\n      lead {\n        ...LeadFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalBooth($id: ID!, $editionId: ID!) {\n    edition(id: $editionId) {\n      id\n      boothSelectionOpen\n      halls {\n        id\n        name\n        widthM\n        depthM\n      }\n    }\n    exhibitor(id: $id) {\n      id\n      booths {\n        id\n        code\n        widthM\n        depthM\n        areaM2\n        type\n        status\n        holdExpiresAt\n        requestedAt\n        hall {\n          id\n          name\n          widthM\n          depthM\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalBooth($id: ID!, $editionId: ID!) {\n    edition(id: $editionId) {\n      id\n      boothSelectionOpen\n      halls {\n        id\n        name\n        widthM\n        depthM\n      }\n    }\n    exhibitor(id: $id) {\n      id\n      booths {\n        id\n        code\n        widthM\n        depthM\n        areaM2\n        type\n        status\n        holdExpiresAt\n        requestedAt\n        hall {\n          id\n          name\n          widthM\n          depthM\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalHallBooths($editionId: ID!, $hallId: ID!) {\n    booths(editionId: $editionId, hallId: $hallId) {\n      id\n      code\n      xM\n      yM\n      widthM\n      depthM\n      areaM2\n      type\n      status\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalHallBooths($editionId: ID!, $hallId: ID!) {\n    booths(editionId: $editionId, hallId: $hallId) {\n      id\n      code\n      xM\n      yM\n      widthM\n      depthM\n      areaM2\n      type\n      status\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestBooth($boothId: ID!, $exhibitorId: ID!) {\n    requestBooth(boothId: $boothId, exhibitorId: $exhibitorId) {\n      id\n      code\n      status\n      holdExpiresAt\n      requestedAt\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestBooth($boothId: ID!, $exhibitorId: ID!) {\n    requestBooth(boothId: $boothId, exhibitorId: $exhibitorId) {\n      id\n      code\n      status\n      holdExpiresAt\n      requestedAt\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalMemberships($editionId: ID!) {\n    myExhibitors(editionId: $editionId) {\n      admin\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalMemberships($editionId: ID!) {\n    myExhibitors(editionId: $editionId) {\n      admin\n      exhibitor {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalOrganizerAccess($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n    }\n    staffAllotment(exhibitorId: $id) {\n      allotted\n      used\n    }\n  }\n"): (typeof documents)["\n  query PortalOrganizerAccess($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n    }\n    staffAllotment(exhibitorId: $id) {\n      allotted\n      used\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalProfile($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n      description\n      category\n      website\n      contactEmail\n      contactPhone\n      sponsorshipTier\n      leadExportAdminsOnly\n      leadTags\n      logoUrl\n      booths {\n        id\n        code\n        hall {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalProfile($id: ID!) {\n    exhibitor(id: $id) {\n      id\n      name\n      description\n      category\n      website\n      contactEmail\n      contactPhone\n      sponsorshipTier\n      leadExportAdminsOnly\n      leadTags\n      logoUrl\n      booths {\n        id\n        code\n        hall {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateExhibitorProfile($id: ID!, $input: ExhibitorInput!) {\n    updateExhibitor(id: $id, input: $input) {\n      id\n      name\n      description\n      category\n      website\n      contactEmail\n      contactPhone\n      sponsorshipTier\n      leadExportAdminsOnly\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateExhibitorProfile($id: ID!, $input: ExhibitorInput!) {\n    updateExhibitor(id: $id, input: $input) {\n      id\n      name\n      description\n      category\n      website\n      contactEmail\n      contactPhone\n      sponsorshipTier\n      leadExportAdminsOnly\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLeadTags($exhibitorId: ID!, $tags: [String!]!) {\n    setLeadTags(exhibitorId: $exhibitorId, tags: $tags) {\n      id\n      leadTags\n    }\n  }\n"): (typeof documents)["\n  mutation SetLeadTags($exhibitorId: ID!, $tags: [String!]!) {\n    setLeadTags(exhibitorId: $exhibitorId, tags: $tags) {\n      id\n      leadTags\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalStaff($id: ID!) {\n    exhibitorStaff(exhibitorId: $id) {\n      email\n      admin\n    }\n    staffAllotment(exhibitorId: $id) {\n      allotted\n      used\n      overridden\n    }\n  }\n"): (typeof documents)["\n  query PortalStaff($id: ID!) {\n    exhibitorStaff(exhibitorId: $id) {\n      email\n      admin\n    }\n    staffAllotment(exhibitorId: $id) {\n      allotted\n      used\n      overridden\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddExhibitorStaff($exhibitorId: ID!, $email: String!, $admin: Boolean) {\n    addExhibitorStaff(exhibitorId: $exhibitorId, email: $email, admin: $admin) {\n      email\n      admin\n    }\n  }\n"): (typeof documents)["\n  mutation AddExhibitorStaff($exhibitorId: ID!, $email: String!, $admin: Boolean) {\n    addExhibitorStaff(exhibitorId: $exhibitorId, email: $email, admin: $admin) {\n      email\n      admin\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveExhibitorStaff($exhibitorId: ID!, $email: String!) {\n    removeExhibitorStaff(exhibitorId: $exhibitorId, email: $email) {\n      email\n      admin\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveExhibitorStaff($exhibitorId: ID!, $email: String!) {\n    removeExhibitorStaff(exhibitorId: $exhibitorId, email: $email) {\n      email\n      admin\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStaffAllotment($exhibitorId: ID!, $places: Int) {\n    setStaffAllotment(exhibitorId: $exhibitorId, places: $places) {\n      allotted\n      used\n      overridden\n    }\n  }\n"): (typeof documents)["\n  mutation SetStaffAllotment($exhibitorId: ID!, $places: Int) {\n    setStaffAllotment(exhibitorId: $exhibitorId, places: $places) {\n      allotted\n      used\n      overridden\n    }\n  }\n"];
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