// Published by postcodes: the local authority a postcode is in.
export { findLocalAuthority } from './postcodes.repo.ts';
