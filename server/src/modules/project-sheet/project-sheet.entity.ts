import { Extensions, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { TenantRecord } from '../../crud/record';
import { LocalDate } from '../../graphql/scalars';
import { sizeClass } from '../../graphql/limits';

@ObjectType({ description: "A network's project sheet (seed 002): its application date and the contents a project must define." })
@Entity('network_project_sheets')
export class ProjectSheet extends TenantRecord {
  @Field(() => ID) @Column('uuid') networkId: string;
  @Field(() => LocalDate, { nullable: true, description: "Date of the application, within the call's window." }) @Column('date', { nullable: true }) applicationDate: string | null;
  @Field(() => String, { nullable: true, description: 'Contesto dell’azienda o delle aziende di provenienza.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) companyContext: string | null;
  @Field(() => String, { nullable: true, description: 'Caratteristiche dei destinatari: situazione occupazionale, fabbisogni formativi.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) recipientsProfile: string | null;
  @Field(() => String, { nullable: true, description: 'Obiettivi specifici.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) specificObjectives: string | null;
  @Field(() => String, { nullable: true, description: 'Composizione e caratteristiche del partenariato.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) partnership: string | null;
  @Field(() => String, { nullable: true, description: 'Assetto organizzativo del progetto.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) organisation: string | null;
  @Field(() => String, { nullable: true, description: 'Arco temporale di svolgimento.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) timeline: string | null;
  @Field(() => String, { nullable: true, description: 'Risultati attesi, in particolare gli impatti in termini di occupazione.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) expectedResults: string | null;
  @Field(() => Int, { nullable: true, description: 'Recipients expected to find work.' }) @Column('int', { nullable: true }) expectedPlacements: number | null;
}
