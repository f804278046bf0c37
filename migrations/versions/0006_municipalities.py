"""municipalities: municipalities, their contacts, facilitators and the facilitators' history

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import partizipation.db

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('municipalities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('ags', sa.String(length=8), nullable=False),
    sa.Column('website', sa.String(length=300), nullable=False),
    sa.Column('agreement_status', sa.String(length=20), nullable=False),
    sa.Column('agreement_signed_on', sa.Date(), nullable=True),
    sa.Column('agreement_ended_on', sa.Date(), nullable=True),
    sa.Column('agreement_document_url', sa.String(length=500), nullable=False),
    sa.Column('agreement_document_title', sa.String(length=200), nullable=False),
    sa.Column('agreement_file_name', sa.String(length=80), nullable=True),
    sa.Column('agreement_file_size', sa.Integer(), nullable=True),
    sa.Column('created_at', partizipation.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_municipalities')),
    sa.UniqueConstraint('ags', name=op.f('uq_municipalities_ags'))
    )
    op.create_table('municipality_contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('municipality_id', sa.Integer(), nullable=False),
    sa.Column('created_at', partizipation.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('ended_at', partizipation.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('ended_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_municipality_contacts_created_by_id_users')),
    sa.ForeignKeyConstraint(['ended_by_id'], ['users.id'], name=op.f('fk_municipality_contacts_ended_by_id_users')),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipalities.id'], name=op.f('fk_municipality_contacts_municipality_id_municipalities')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_municipality_contacts_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_municipality_contacts'))
    )
    with op.batch_alter_table('municipality_contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_municipality_contacts_municipality_id'), ['municipality_id'], unique=False)
        batch_op.create_index('ix_municipality_contacts_user', ['user_id', 'ended_at'], unique=False)
    op.create_table('facilitators',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('municipality_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('employment_model', sa.String(length=20), nullable=False),
    sa.Column('association_name', sa.String(length=200), nullable=False),
    sa.Column('weekly_hours', sa.Float(), nullable=True),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('trained_on', sa.Date(), nullable=True),
    sa.Column('training_provider', sa.String(length=200), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.String(length=500), nullable=False),
    sa.Column('created_at', partizipation.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', partizipation.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipalities.id'], name=op.f('fk_facilitators_municipality_id_municipalities')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_facilitators_person_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facilitators'))
    )
    with op.batch_alter_table('facilitators', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_facilitators_municipality_id'), ['municipality_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_facilitators_person_id'), ['person_id'], unique=False)
    op.create_table('facilitator_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('facilitator_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', partizipation.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_facilitator_events_actor_id_users')),
    sa.ForeignKeyConstraint(['facilitator_id'], ['facilitators.id'], name=op.f('fk_facilitator_events_facilitator_id_facilitators')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facilitator_events'))
    )
    with op.batch_alter_table('facilitator_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_facilitator_events_facilitator_id'), ['facilitator_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('facilitator_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_facilitator_events_facilitator_id'))
    op.drop_table('facilitator_events')
    with op.batch_alter_table('facilitators', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_facilitators_person_id'))
        batch_op.drop_index(batch_op.f('ix_facilitators_municipality_id'))
    op.drop_table('facilitators')
    with op.batch_alter_table('municipality_contacts', schema=None) as batch_op:
        batch_op.drop_index('ix_municipality_contacts_user')
        batch_op.drop_index(batch_op.f('ix_municipality_contacts_municipality_id'))
    op.drop_table('municipality_contacts')
    op.drop_table('municipalities')
