import { CLUSTER_NO_MAX, CLUSTERS_NAMED_MAX } from '@app/domain';
import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsInt, Max, Min } from 'class-validator';

/** A list of cluster numbers, refused naming it by `label` (事業群番号): each a whole number from 1, at most `max` of them. */
export function ClusterNumbers(label: string, max = CLUSTERS_NAMED_MAX): PropertyDecorator {
  const problem = `${label}は1〜${CLUSTER_NO_MAX}の整数で指定してください`;
  return applyDecorators(
    IsArray({ message: `${label}は配列で指定してください` }),
    ArrayMaxSize(max, { message: `${label}は${max.toLocaleString('ja-JP')}件までです` }),
    IsInt({ each: true, message: problem }),
    Min(1, { each: true, message: problem }),
    Max(CLUSTER_NO_MAX, { each: true, message: problem }),
  );
}
