export { EntityDomainDataProductsCard } from './EntityDomainDataProductsCard';
