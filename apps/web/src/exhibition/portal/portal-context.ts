import { useOutletContext } from 'react-router';

/**
 * What the exhibitor portal's shell (/exhibitor, PortalLayout) hands its pages (Profile, Booth,
 * Staff, Leads) through the router's outlet context: the exhibitor chosen, whether the person may
 * manage it, and the edition.
 */
export interface PortalContext {
  exhibitorId: string;
  exhibitorName: string;
  /** The exhibitor's admins and organizers: profile, booth requests, staff, lead tags. */
  canManage: boolean;
  /** An organizer opened this exhibitor with ?exhibitor=<id> (not on its staff). */
  organizer: boolean;
  edition: { id: string; name: string; timezone: string };
  /** A portal path with the page's ?edition= and ?exhibitor= carried on. */
  keep: (path: string) => string;
}

/** The portal's exhibitor, in a page rendered inside /exhibitor. */
export function usePortal(): PortalContext {
  return useOutletContext<PortalContext>();
}
