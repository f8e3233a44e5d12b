import { Link } from 'react-router';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

/** A page the navigation links to whose real content is being built (issue 16). */
function comingSoon(title: string) {
  return {
    Component() {
      useDocumentTitle(title);
      return (
        <div className="page narrow">
          <h1>{title}</h1>
          <p>This page is on its way.</p>
          <p>
            <Link to="/">Back to the programme</Link>
          </p>
        </div>
      );
    },
  };
}

export const schedule = comingSoon('My schedule');
export const badge = comingSoon('My badge');
export const notifications = comingSoon('Notifications');
