export { DataAccessPage } from './DataAccessPage';
