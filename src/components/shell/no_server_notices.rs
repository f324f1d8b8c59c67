use yew::prelude::*;

use crate::adapter::offline::{self, Update};
use crate::state::SaveState;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Writes the open draft now (autosave runs on every edit; this catches the last one).
    pub save_now: Callback<()>,
    pub unsaved: bool,
    pub save: SaveState,
}

/// The notices of an app that runs without a server: the hosted app registers its service
/// worker and says when a new build is ready (the user reloads when the draft is saved);
/// the single file, opened from disk, says where its drafts are kept.
#[function_component]
pub fn NoServerNotices(props: &Props) -> Html {
    let update = use_state(|| None::<Update>);
    let reloading = use_state(|| false);
    let file_notice = use_state(offline::opened_from_file);
    {
        let update = update.setter();
        use_effect_with((), move |_| {
            offline::register(move |found| update.set(Some(found)));
        });
    }
    // Reload only once the draft is in storage: the new build reads it from there.
    let saved = !props.unsaved && props.save == SaveState::Saved;
    use_effect_with((*reloading, saved), |&(reloading, saved)| {
        if reloading && saved {
            offline::apply_update();
        }
    });

    let update_notice = (*update).map(|found| {
        let reload = {
            let reloading = reloading.clone();
            let save_now = props.save_now.clone();
            Callback::from(move |_| {
                save_now.emit(());
                reloading.set(true);
            })
        };
        // Later also gives up a reload that waits for a save which failed.
        let later = {
            let update = update.clone();
            let reloading = reloading.clone();
            Callback::from(move |_| {
                update.set(None);
                reloading.set(false);
            })
        };
        let text = match found {
            _ if *reloading && props.save != SaveState::Saved => {
                "新版本已就绪，但草稿未能保存：请先按上方提示处理（可下载备份文件），保存后会自动刷新。"
            }
            Update::Waiting => "新版本已就绪，保存后刷新即可使用。刷新前会先保存当前草稿。",
            Update::InCharge => {
                "新版本已在另一个标签页中启用，保存后刷新本页即可使用。刷新前会先保存当前草稿。"
            }
        };
        html! {
            <div class="notice info" role="status" data-testid="update-notice">
                <span>{ text }</span>
                <button type="button" onclick={reload} disabled={*reloading}>{ "保存并刷新" }</button>
                <button type="button" onclick={later}>{ "稍后" }</button>
            </div>
        }
    });
    let from_file = (*file_notice).then(|| {
        let dismiss = Callback::from(move |_| file_notice.set(false));
        html! {
            <div class="notice info" role="status" data-testid="file-notice">
                <span>{ "本页是从本机文件打开的：草稿保存在这个浏览器中，换浏览器或换电脑后看不到。Firefox 等浏览器按文件分别保存：移动、复制或改名本文件后，新文件看不到原来的草稿；Chrome、Edge 等浏览器让所有本机网页共用这一处存储：在此浏览器中打开的其他本机网页也可能读到它们。要把草稿带到网页版或另一台电脑，请用“下载备份”保存备份文件，再在那边的“草稿列表”中“从备份文件恢复…”。" }</span>
                <button type="button" onclick={dismiss}>{ "知道了" }</button>
            </div>
        }
    });
    html! { <>{ for update_notice }{ for from_file }</> }
}
