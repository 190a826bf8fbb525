import type { FormatDef } from '../define.js';
import { k8sEvents } from './k8s-events.js';
import { k8sPods } from './k8s-pods.js';

/** Kubernetes API objects as kubectl prints them with -o json (k8s/*.json in a bundle). */
export const K8S_FORMATS: readonly FormatDef[] = [k8sEvents, k8sPods];
