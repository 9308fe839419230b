import { BureauAlreadyExistsError, BureauRepository } from '@app/persistence';
import { ConflictException, Injectable } from '@nestjs/common';
import { BureauPage, BureauView, CreateBureauRequest } from './bureau.dto';

@Injectable()
export class BureausService {
  constructor(private readonly bureaus: BureauRepository) {}

  async create(request: CreateBureauRequest): Promise<BureauView> {
    try {
      return await this.bureaus.create({ code: request.code, name: request.name });
    } catch (error) {
      if (error instanceof BureauAlreadyExistsError) throw new ConflictException(`局コード「${request.code}」は既に登録されています`);
      throw error;
    }
  }

  list(page: number, pageSize: number): Promise<BureauPage> {
    return this.bureaus.list({ page, pageSize });
  }
}
