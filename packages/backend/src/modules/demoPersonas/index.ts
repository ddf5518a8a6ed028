export { authModuleDemoPersonas as default } from './module';
