import { Role } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { NamedCodeView } from '../catalogue/cluster.dto';

/** The caller's own account, as the client needs it to show who is logged in and what they may do. */
export class ProfileView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'kodomo.staff' }) username!: string;
  @ApiProperty({ example: '山田 花子' }) displayName!: string;
  @ApiProperty({ enum: Role, isArray: true }) roles!: Role[];
  @ApiProperty({ type: NamedCodeView, nullable: true, description: '所属局（admin / reform-office は null）' }) bureau!: NamedCodeView | null;
}
