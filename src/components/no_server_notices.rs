use yew::prelude::*;

use crate::adapter::offline;
use crate::state::SaveState;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Writes the open draft now (autosave runs on every edit; this catches the last one).
    pub save_now: Callback<()>,
    pub unsaved: bool,
    pub save: SaveState,
}

/// Where the app runs without a server: registers the service worker and says when a new
/// build waits (the user reloads when the draft is saved), or, opened from disk, where
/// the drafts are kept.
#[function_component]
pub fn OfflineNotice(props: &Props) -> Html {
    let update_ready = use_state(|| false);
    let reloading = use_state(|| false);
    let file_notice = use_state(offline::opened_from_file);
    {
        let update_ready = update_ready.setter();
        use_effect_with((), move |_| {
            offline::register(move || update_ready.set(true));
        });
    }
    // Reload only once the draft is in storage: the new build reads it from there.
    let saved = !props.unsaved && props.save == SaveState::Saved;
    use_effect_with((*reloading, saved), |&(reloading, saved)| {
        if reloading && saved {
            offline::apply_update();
        }
    });

    let update = (*update_ready).then(|| {
        let reload = {
            let reloading = reloading.clone();
            let save_now = props.save_now.clone();
            Callback::from(move |_| {
                save_now.emit(());
                reloading.set(true);
            })
        };
        let later = {
            let update_ready = update_ready.clone();
            Callback::from(move |_| update_ready.set(false))
        };
        let text = if *reloading && props.save != SaveState::Saved {
            "新版本已就绪，但草稿未能保存：请先按上方提示处理（可下载备份文件），保存后会自动刷新。"
        } else {
            "新版本已就绪，保存后刷新即可使用。刷新前会先保存当前草稿。"
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
                <span>{ "本页是从本机文件打开的：草稿由这个浏览器按此文件所在的位置保存，换浏览器、换电脑或移动文件后可能看不到。要把草稿带到网页版或另一台电脑，请用“下载备份”保存备份文件，再在那边的“草稿列表”中“从备份文件恢复…”。" }</span>
                <button type="button" onclick={dismiss}>{ "知道了" }</button>
            </div>
        }
    });
    html! { <>{ for update }{ for from_file }</> }
}
