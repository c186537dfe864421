/** The role the app signs in as: owns nothing, no SUPERUSER, no BYPASSRLS. Created by the first migration. */
export const APP_ROLE = 'reti_app';
/**
 * Administrators' requests sign in as this role, the only one granted writes on reference data, on
 * a pool of their own; the app role is not a member of it (migration 1763700001201).
 */
export const ADMIN_ROLE = 'reti_admin';
