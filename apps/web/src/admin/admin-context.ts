import { useOutletContext } from 'react-router';

/** The edition the back office works on (`?edition=`, else the current one), handed to each screen by AdminLayout. */
export interface AdminEdition {
  id: string;
  name: string;
  year: number;
  startsOn: string;
  endsOn: string;
  timezone: string;
}

export interface AdminContext {
  edition: AdminEdition;
  /** Carries the chosen `?edition=` on to a link. */
  keep: (path: string) => string;
}

/** The back office's edition, for a screen rendered inside AdminLayout. */
export function useAdmin(): AdminContext {
  return useOutletContext<AdminContext>();
}
