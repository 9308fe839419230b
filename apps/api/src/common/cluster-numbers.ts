import { CLUSTER_NO_MAX, CLUSTERS_NAMED_MAX } from '@app/domain';
import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsInt, Max, Min } from 'class-validator';

/** A list of cluster numbers under the name `field`: each a whole number from 1, at most `max` of them. */
export function ClusterNumbers(field: string, max = CLUSTERS_NAMED_MAX): PropertyDecorator {
  const problem = `${field} は1〜${CLUSTER_NO_MAX}の整数で指定してください`;
  return applyDecorators(
    IsArray({ message: `${field} は配列で指定してください` }),
    ArrayMaxSize(max, { message: `${field} は${max.toLocaleString('ja-JP')}件までです` }),
    IsInt({ each: true, message: problem }),
    Min(1, { each: true, message: problem }),
    Max(CLUSTER_NO_MAX, { each: true, message: problem }),
  );
}
