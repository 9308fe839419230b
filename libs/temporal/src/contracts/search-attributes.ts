import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Custom search attributes that make the programme's workflows findable in the Temporal Web UI. */
export const FISCAL_YEAR = defineSearchAttributeKey('ReformFiscalYear', SearchAttributeType.INT);
export const CLUSTER_NO = defineSearchAttributeKey('ReformClusterNo', SearchAttributeType.INT);
export const CLUSTER_STAGE = defineSearchAttributeKey('ReformClusterStage', SearchAttributeType.KEYWORD);
export const OWNING_BUREAU = defineSearchAttributeKey('ReformOwningBureau', SearchAttributeType.KEYWORD);

export const CUSTOM_SEARCH_ATTRIBUTES = [FISCAL_YEAR, CLUSTER_NO, CLUSTER_STAGE, OWNING_BUREAU] as const;
