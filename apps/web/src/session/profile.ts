import type { components } from '../api/schema';

export type Profile = components['schemas']['ProfileView'];
