import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { temporalConnectionOptions } from '../connection/temporal-connection';
import { reformDataConverter } from '../data-converter/reform-data-converter';
import { TEMPORAL_CONNECTION, TEMPORAL_OPTIONS, TemporalOptions } from './temporal-options';

/** Closes the gRPC channel with the application, so tests and restarts leave no open handle. */
@Injectable()
class TemporalConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/**
 * Provides a Temporal {@link Client}. The connection is lazy so that the API starts, and reports
 * Temporal as down on its health endpoint, while the server is unreachable.
 */
@Module({})
export class TemporalClientModule {
  static forRoot(options: TemporalOptions): DynamicModule {
    return {
      module: TemporalClientModule,
      global: true,
      providers: [
        { provide: TEMPORAL_OPTIONS, useValue: options },
        { provide: TEMPORAL_CONNECTION, useFactory: () => Connection.lazy(temporalConnectionOptions(options)) },
        {
          provide: Client,
          inject: [TEMPORAL_CONNECTION],
          useFactory: (connection: Connection) => new Client({ connection, namespace: options.namespace, dataConverter: reformDataConverter(options.payloadKeys) }),
        },
        TemporalConnectionCloser,
      ],
      exports: [TEMPORAL_OPTIONS, TEMPORAL_CONNECTION, Client],
    };
  }
}
