import { BureauRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { BureauPage, BureauView } from './bureau.dto';

export interface CreateBureauCommand {
  readonly code: string;
  readonly name: string;
}

@Injectable()
export class BureausService {
  constructor(private readonly bureaus: BureauRepository) {}

  create(request: CreateBureauCommand): Promise<BureauView> {
    return this.bureaus.create({ code: request.code, name: request.name });
  }

  list(page: number, pageSize: number): Promise<BureauPage> {
    return this.bureaus.list({ page, pageSize });
  }
}
