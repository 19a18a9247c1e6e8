// Published by postcodes: the local authority a postcode is in, and how many postcodes are loaded.
export { countPostcodes, findLocalAuthority } from './postcodes.repo.ts';
