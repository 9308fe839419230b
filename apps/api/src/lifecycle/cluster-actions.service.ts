import { actorOf, ClusterCommand, ClusterStage, isClosedStage, refused, textRefOf } from '@app/domain';
import { ClusterRow, ReportTextRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CatalogueService } from '../catalogue/catalogue.service';
import { invalidFields } from '../common/validation.pipe';
import { DelegateResolver } from '../processes/delegate-resolver.service';
import { ClusterDetailService } from './cluster-detail.service';
import { ClusterLifecycleService } from './cluster-lifecycle.service';
import { ClusterDetailView } from './dto/cluster-detail.dto';
import { ChangeClusterCommand, ClusterActionCommand, RequestedClusterCommand } from './lifecycle.commands';

/** The read the first call starts, shared by every later call. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined;
  return () => (started ??= read());
}

/** What people do to a cluster: 決裁 of its reports, 取下げ, and changing its settings; each answers with the cluster after it. */
@Injectable()
export class ClusterActionsService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly lifecycle: ClusterLifecycleService,
    private readonly details: ClusterDetailService,
    private readonly delegates: DelegateResolver,
    private readonly texts: ReportTextRepository,
  ) {}

  async act({ fiscalYear, clusterNo, command, requestKey }: ClusterActionCommand): Promise<ClusterDetailView> {
    // Read only where a refusal or a stored text needs the row; the answer reads the cluster in any case.
    const find = once(() => this.catalogue.requireCluster(fiscalYear, clusterNo));
    await this.lifecycle.act({ fiscalYear, no: clusterNo, find }, await this.resolved(command, find), requestKey);
    return this.details.detail(fiscalYear, clusterNo, command.actor);
  }

  /** PATCH of a cluster: a running analysis learns of a new owning bureau through its workflow. */
  async change(command: ChangeClusterCommand): Promise<ClusterDetailView> {
    const { analysedThisYear, owningBureauCode } = command;
    if (analysedThisYear === undefined && owningBureauCode === undefined) {
      throw refused('request.invalid', '変更する項目（analysedThisYear または owningBureauCode）を指定してください');
    }
    const cluster = await this.catalogue.requireCluster(command.fiscalYear, command.clusterNo);
    const running = cluster.stage !== ClusterStage.NotStarted && !isClosedStage(cluster.stage);
    if (running && owningBureauCode !== undefined && owningBureauCode !== cluster.owningBureau?.code) {
      if (owningBureauCode === null) throw invalidFields([{ field: 'owningBureauCode', problems: ['経営分析中の事業群の所管局は未設定に戻せません'] }]);
      const bureau = await this.catalogue.requireBureau(owningBureauCode);
      await this.lifecycle.act(cluster, { type: 'change-owning-bureau', actor: command.actor, bureau }, command.requestKey);
    }
    await this.catalogue.updateCluster(cluster, { analysedThisYear, owningBureauCode }, actorOf(command.actor));
    return this.details.detail(cluster.fiscalYear, cluster.no, command.actor);
  }

  private async resolved(command: RequestedClusterCommand, find: () => Promise<ClusterRow>): Promise<ClusterCommand> {
    if (command.type === 'save-draft') {
      // The text is stored first and the workflow gets its hash: the words never enter workflow history.
      // Nothing is stored for a cluster that is not there.
      await find();
      const { body, ...rest } = command;
      return { ...rest, text: textRefOf(body, await this.texts.store(body)) };
    }
    if (command.type !== 'delegate') return command;
    const { delegateTo, ...rest } = command;
    return { ...rest, delegate: await this.delegates.resolve(delegateTo) };
  }
}
