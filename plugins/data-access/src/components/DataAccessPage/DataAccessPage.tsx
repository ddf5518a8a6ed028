import { Route, Routes } from 'react-router-dom';
import { RequestPage } from '../RequestPage/RequestPage';
import { DataAccessHome } from './DataAccessHome';

/**
 * The plugin's root page, mounted by the app at `/data-access`: its home with the tabs,
 * and `requests/:id` for one request.
 *
 * @public
 */
export function DataAccessPage() {
  return (
    <Routes>
      <Route path="/" element={<DataAccessHome />} />
      <Route path="/requests/:id" element={<RequestPage />} />
    </Routes>
  );
}
