import { Link } from 'react-router';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

export function Component() {
  useDocumentTitle('Page not found');
  return (
    <div className="page narrow">
      <h1>Page not found</h1>
      <p>
        There is no page here. <Link to="/">Go to the programme</Link>.
      </p>
    </div>
  );
}
