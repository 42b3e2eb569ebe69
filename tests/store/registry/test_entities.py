"""Entity and merge repositories on both backends: canonical chains, clusters, orphans."""

from __future__ import annotations

from daphuong.domain.access import Principal
from daphuong.store.engine import Database
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.merges import MergeRepository
from daphuong.store.registry.statements import NewStatement, StatementRepository


def test_merge_chain_resolves_and_undo_restores(db: Database) -> None:
    with db.transaction() as s:
        repo, merges = EntityRepository(s), MergeRepository(s)
        a, b, c = (repo.create("ORG", n) for n in ("A", "B", "C"))
        first = merges.merge(b, c, "lan")
        merges.merge(a, b, "lan")
        assert repo.canonical(c.id) == a.id
        assert repo.cluster(a.id) == sorted([a.id, b.id, c.id])
        merges.undo(first, c, "minh")
        assert repo.canonical(c.id) == c.id
        assert merges.active_for_loser(c.id) is None
        assert [m.id for m in merges.history([c.id])] == [first.id]


def test_orphans_are_deleted_but_referenced_entities_stay(db: Database) -> None:
    with db.transaction() as s:
        repo = EntityRepository(s)
        used, orphan = repo.create("PERSON", "Lê Văn A"), repo.create("PERSON", "Lê Văn B")
        StatementRepository(s).add(NewStatement(entity_id=used.id, prop="name", value="Lê Văn A"))
        s.flush()
        assert repo.delete_orphans([used.id, orphan.id]) == [orphan.id]
        assert repo.get(orphan.id) is None
        assert repo.visible_ids(Principal.anonymous()) == [used.id]
        assert repo.count("PERSON") == 1


def test_canonical_map_and_clusters_follow_merge_chains_in_batches(db: Database) -> None:
    with db.transaction() as s:
        repo, merges = EntityRepository(s), MergeRepository(s)
        a, b, c, d = (repo.create("ORG", n) for n in ("A", "B", "C", "D"))
        merges.merge(b, c, "lan")
        merges.merge(a, b, "lan")
        assert repo.canonical_map(iter([a.id, b.id, c.id, d.id, 9999])) == {
            a.id: a.id,
            b.id: a.id,
            c.id: a.id,
            d.id: d.id,
            9999: 9999,
        }
        assert repo.clusters([a.id, d.id]) == {a.id: sorted([a.id, b.id, c.id]), d.id: [d.id]}


def test_head_reads_type_caption_and_merge_target_without_the_orm(db: Database) -> None:
    with db.transaction() as s:
        repo = EntityRepository(s)
        a, b = repo.create("PERSON", "Lê Hoài Trung"), repo.create("PERSON", "Lê H. Trung")
        MergeRepository(s).merge(a, b, "lan")
        ids = (a.id, b.id)
    with db.reader() as s:
        repo = EntityRepository(s)
        head, merged = repo.head(ids[0]), repo.head(ids[1])
        assert head is not None and merged is not None
        assert (head.type, head.caption, head.merged_into_id) == ("PERSON", "Lê Hoài Trung", None)
        assert merged.merged_into_id == ids[0]
        assert repo.head(10**9) is None
