/** The role the app signs in as: owns nothing, no SUPERUSER, no BYPASSRLS. Created by the first migration. */
export const APP_ROLE = 'reti_app';
/** Administrators' requests switch to this role, the only one granted writes on reference data. */
export const ADMIN_ROLE = 'reti_admin';
