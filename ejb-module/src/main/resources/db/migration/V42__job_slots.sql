-- Admission of verification jobs without a per-tenant row lock (issue 18). A tenant's concurrent-jobs
-- quota is held by its job slots: a job takes a free one (SELECT ... FOR UPDATE SKIP LOCKED), so parallel
-- submissions of one tenant pass each other instead of queueing on resource_usage. Slots are created as
-- they are needed, never at or above the limit, and trimmed when the quota shrinks (under the usage lock).
create table resource_slot (
    tenant_id     uuid    not null references tenant (id),
    slot_no       integer not null check (slot_no >= 0),
    allocation_id uuid,
    primary key (tenant_id, slot_no)
);
create unique index resource_slot_allocation on resource_slot (allocation_id);
create index resource_slot_free on resource_slot (tenant_id, slot_no) where allocation_id is null;

-- The slot a job was admitted to: its CPU is charged to that slot's counter of the day.
alter table resource_allocation add column slot_no integer;

-- CPU charged to a tenant's UTC day, one counter per slot, so that concluding jobs add to different rows;
-- the day's use is their sum. Slot -1 holds the charges of jobs admitted before slots existed.
create table resource_cpu_charge (
    tenant_id  uuid    not null references tenant (id),
    day        date    not null,
    slot_no    integer not null,
    cpu_millis bigint  not null check (cpu_millis >= 0),
    primary key (tenant_id, day, slot_no)
);

insert into resource_cpu_charge (tenant_id, day, slot_no, cpu_millis)
select tenant_id, cpu_day, -1, cpu_millis from resource_usage where cpu_millis > 0;

-- the jobs running now keep their admission: each gets a slot
insert into resource_slot (tenant_id, slot_no, allocation_id)
select tenant_id, (row_number() over (partition by tenant_id order by allocated_at, id) - 1)::integer, id
from resource_allocation where status = 'ACTIVE';
update resource_allocation a set slot_no = s.slot_no from resource_slot s where s.allocation_id = a.id;

alter table resource_usage drop column cpu_day, drop column cpu_millis;
