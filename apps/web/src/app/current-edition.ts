/**
 * Which edition and which local day: one module for the app and the API (which picks the same edition
 * and day when it puts the programme's first answers in the page: apps/api/src/web-bootstrap.ts).
 */
export * from '../../../../libs/core/src/current-edition';
