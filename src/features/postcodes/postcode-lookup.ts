// Published by postcodes: the local authority a postcode is in, how many postcodes are loaded and whether any are.
export { countPostcodes, findLocalAuthority, hasPostcodes } from './postcodes.repo.ts';
