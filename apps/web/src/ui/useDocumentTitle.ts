import { useEffect } from 'react';

/** Sets the tab's title to "<page> · HealthConnect". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · HealthConnect`;
  }, [title]);
}
